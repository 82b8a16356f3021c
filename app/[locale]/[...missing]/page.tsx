import { notFound } from "next/navigation";

// An address that matches no page, inside the locale's root layout, so the not-found page is in its language.
export default function MissingPage(): never {
  notFound();
}
