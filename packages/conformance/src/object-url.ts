/**
 * Whether a `blob:` URL still resolves to its bytes, for checking that a web adapter releases the
 * object URLs of files nobody holds any more: a revoked URL can no longer be fetched. Self-contained,
 * so a test driving a page can run it there (`page.evaluate(objectUrlAlive, url)`).
 */
export async function objectUrlAlive(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
