import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/navigation";

export function NotFoundMessage() {
  const t = useTranslations("notFound");
  return (
    <section className="max-w-2xl">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
      <p className="mt-3">
        {t.rich("browse", {
          dashboard: (chunks) => <Link href="/">{chunks}</Link>,
          statements: (chunks) => <Link href="/statements">{chunks}</Link>,
          people: (chunks) => <Link href="/people">{chunks}</Link>,
          laws: (chunks) => <Link href="/laws">{chunks}</Link>,
        })}
      </p>
    </section>
  );
}
