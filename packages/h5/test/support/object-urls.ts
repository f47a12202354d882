import { objectUrlAlive } from '@dl/conformance';

/**
 * The `blob:` URLs this page created, watched at the platform's own `URL.createObjectURL`, so the suite
 * can tell which object URLs are still alive without asking the adapter. "Alive" is checked for real:
 * a revoked URL can no longer be fetched.
 */
export function watchObjectUrls(): { live(): Promise<string[]> } {
  const created: string[] = [];
  const original = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = original(object);
    created.push(url);
    return url;
  };
  return {
    async live() {
      const alive = await Promise.all(created.map((url) => objectUrlAlive(url)));
      return created.filter((_, i) => alive[i]);
    },
  };
}

/** The bytes behind a `blob:` URL, read through the platform's fetch. */
export async function readObjectUrl(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot read ${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
