// deploy/nginx-scorecard.conf as the tests and the bench run it: the shipped site with loopback ports,
// the app servers of its upstream and a cache folder of its own, inside a main config that keeps
// every file nginx writes in one temporary folder (so it runs as any user, next to a system nginx).
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";

export const NGINX = "/usr/sbin/nginx";

export interface LocalNginx {
  /** The folder for nginx's pid, logs, temporary files and cache. */
  dir: string;
  /** The loopback port nginx listens on. */
  listen: number;
  /** The app servers' loopback ports: the upstream, balanced between them when there are several. */
  upstream: readonly number[];
  /** Extra directives for the site's location, after the shipped ones (a test's own headers). */
  extraHeaders?: string[];
}

/** The whole nginx.conf for `nginx -c`: throws if the shipped file no longer has the lines it replaces. */
export function localNginxConfig({ dir, listen, upstream, extraHeaders = [] }: LocalNginx): string {
  const shipped = readFileSync(path.resolve("deploy/nginx-scorecard.conf"), "utf8");
  const replace = (text: string, from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`deploy/nginx-scorecard.conf no longer holds "${from}"`);
    return text.replace(from, to);
  };
  let site = replace(shipped, "/var/cache/nginx/scorecard", path.join(dir, "cache"));
  site = replace(site, "server 127.0.0.1:3000;", upstream.map((port) => `server 127.0.0.1:${port};`).join("\n    "));
  site = replace(site, "listen 80;", `listen 127.0.0.1:${listen};`);
  if (extraHeaders.length > 0) {
    const status = "add_header X-Cache-Status $upstream_cache_status always;";
    site = replace(site, status, [status, ...extraHeaders].join("\n        "));
  }
  const temp = (name: string) => path.join(dir, name);
  return `worker_processes 1;
daemon off;
${userInfo().uid === 0 ? "user root;" : ""}
pid ${temp("nginx.pid")};
error_log ${temp("error.log")} warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${temp("body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
${site}
}
`;
}
