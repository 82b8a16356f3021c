// Every error boundary tells the reader what happened and offers to try again, and none shows what
// went wrong inside: not the message, not the stack, whatever the error carries.
import { createElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { inLocale } from "@/components/testing/in-locale";
import { ErrorMessage, ErrorMessageView } from "@/components/ui/error-message";
import RootError from "./[locale]/error";
import GlobalError from "./global-error";
import PublicError from "./[locale]/(public)/error";
import WorkspaceError from "./[locale]/(workspace)/error";
import EmbedError from "./embed/[locale]/error";

const SECRET = "SQLITE_ERROR near confidential_names: Zhu Yufu";

function thrown(): Error {
  const error = new Error(SECRET) as Error & { digest?: string };
  error.stack = `Error: ${SECRET}\n    at listWithheldNames (/srv/app/db/queries/withheld-names.ts:12:3)`;
  error.digest = "2417350873";
  return error;
}

const BOUNDARIES = { "app/[locale]/error": RootError, "app/global-error": GlobalError, "app/[locale]/(public)/error": PublicError, "app/[locale]/(workspace)/error": WorkspaceError, "app/embed/[locale]/error": EmbedError };

describe("error pages", () => {
  for (const [name, Boundary] of Object.entries(BOUNDARIES)) {
    it(`${name} says something went wrong without the error's message or stack`, () => {
      const html = renderToStaticMarkup(inLocale(createElement(Boundary, { error: thrown(), retry: () => undefined })));
      expect(html).toContain("Something went wrong");
      expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
      expect(html).toContain("2417350873");
      expect(html).not.toContain("Zhu Yufu");
      expect(html).not.toContain("SQLITE");
      expect(html).not.toContain("withheld-names");
    });
  }

  it("a Chinese page's boundary says it in Chinese", () => {
    const html = renderToStaticMarkup(inLocale(createElement(RootError, { error: thrown(), retry: () => undefined }), "zh"));
    expect(html).toContain("出错了");
    expect(html).toMatch(/<button[^>]*>重试<\/button>/);
    expect(html).toContain('href="/zh"');
    expect(html).not.toContain("Zhu Yufu");
  });

  it("the global error page brings its own document", () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: thrown(), retry: () => undefined }));
    expect(html).toMatch(/^<html lang="en">.*<body/);
  });

  it("shows no reference for a digest that is not Next's, nor for a thrown non-error", () => {
    const odd = Object.assign(new Error("x"), { digest: "<script>alert(1)</script>" });
    expect(renderToStaticMarkup(inLocale(createElement(ErrorMessage, { error: odd, retry: () => undefined })))).not.toContain("reference");
    expect(renderToStaticMarkup(inLocale(createElement(ErrorMessage, { error: "a string", retry: () => undefined })))).not.toContain("reference");
  });

  it("Try again calls the boundary's retry", () => {
    const retry = vi.fn();
    const texts = { title: "t", body: "b", reference: (digest: string) => digest, retry: "Try again" };
    const button = findElement(ErrorMessageView({ error: thrown(), retry, texts }), (e) => e.type === "button");
    (button.props as { onClick: () => void }).onClick();
    expect(retry).toHaveBeenCalledOnce();
  });
});

function findElement(node: ReactNode, match: (element: ReactElement) => boolean): ReactElement {
  const found = search(node, match);
  if (!found) throw new Error("no such element");
  return found;
}

function search(node: ReactNode, match: (element: ReactElement) => boolean): ReactElement | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = search(child as ReactNode, match);
      if (found) return found;
    }
    return undefined;
  }
  if (!isValidElement(node)) return undefined;
  if (match(node)) return node;
  return search((node.props as { children?: ReactNode }).children, match);
}
