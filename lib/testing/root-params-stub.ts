// next/root-params exists only inside a Next server render; tests render pages as the English ones.
export async function locale(): Promise<string> {
  return "en";
}
