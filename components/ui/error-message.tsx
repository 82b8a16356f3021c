// What a reader sees when a page fails. It never shows the error's message or stack: a server error
// reaches the browser as Next's generic text anyway, and a client error's message may name internals.
// The digest is Next's hash of the server error, which an operator matches in the server's log.
import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/navigation";

export function errorDigest(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  const digest = (error as { digest: unknown }).digest;
  return typeof digest === "string" && /^[\w-]{1,64}$/.test(digest) ? digest : undefined;
}

export interface ErrorTexts {
  title: string;
  body: React.ReactNode;
  reference: (digest: string) => string;
  retry: string;
}

/** The message in the page's language (the "errorPage" messages). */
export function ErrorMessage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errorPage");
  const texts: ErrorTexts = {
    title: t("title"),
    body: t.rich("body", { dashboard: (chunks) => <Link href="/">{chunks}</Link> }),
    reference: (digest) => t("reference", { digest }),
    retry: t("retry"),
  };
  return <ErrorMessageView error={error} retry={retry} texts={texts} />;
}

export function ErrorMessageView({ error, retry, texts }: { error: unknown; retry: () => void; texts: ErrorTexts }) {
  const digest = errorDigest(error);
  return (
    <section className="max-w-2xl" role="alert">
      <h1 className="text-2xl font-semibold">{texts.title}</h1>
      <p className="mt-3">{texts.body}</p>
      {digest && <p className="mt-3 text-sm text-stone-600">{texts.reference(digest)}</p>}
      <button type="button" onClick={() => retry()} className="mt-4 rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700">
        {texts.retry}
      </button>
    </section>
  );
}
