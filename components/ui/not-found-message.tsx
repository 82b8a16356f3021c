import Link from "next/link";

export function NotFoundMessage() {
  return (
    <section className="max-w-2xl">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-3">
        There is no public page at this address. The item may not exist, may not be published yet, or may be kept confidential to
        protect the people concerned.
      </p>
      <p className="mt-3">
        Start again from the <Link href="/">dashboard</Link>, or browse the <Link href="/statements">statements</Link>,{" "}
        <Link href="/people">people</Link> and <Link href="/laws">laws</Link>.
      </p>
    </section>
  );
}
