/**
 * http(s) URLs without a `URL` class: mini-program logic layers have none, and React Native's (before
 * about 0.80) throws "not implemented" from its accessors. RFC 3986 parsing and reference resolution
 * (section 5.2, the non-strict variant browsers use), with the normalisation the WHATWG URL standard gives
 * http(s) URLs: lower-case scheme and host, no default port, `/` for an empty path, dot segments removed,
 * spaces and non-ASCII text percent-encoded as UTF-8. Tests compare it with Node's WHATWG `URL`.
 */

/** An absolute http(s) URL, taken apart. */
export interface HttpUrl {
  /** `http` or `https`, lower-case. */
  scheme: 'http' | 'https';
  /** Lower-case host name, IPv4 address, or `[IPv6]` literal. */
  host: string;
  /** The port when it is not the scheme's default, else ''. */
  port: string;
  /** Starts with `/`. */
  path: string;
  /** With its leading `?`, or ''. */
  query: string;
  /** With its leading `#`, or ''. */
  fragment: string;
  /** The whole normalised URL. */
  href: string;
}

/** Why a URL was refused; the caller turns it into the task's error (never with the URL's text in it). */
export type UrlProblem = 'invalid' | 'scheme' | 'credentials';

// RFC 3986 appendix B: splits any URI reference into scheme, authority, path, query, fragment. A prefix
// that is no valid scheme (`2:`) is part of a relative path, as browsers read it.
// `[\s\S]`, not `.`: a fragment may hold line separators (U+2028) that `.` does not match.
const REFERENCE = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#([\s\S]*))?$/;
// http: and https: followed by anything: browsers read `http:a.com`, `http:/a.com`, `http:///a.com` alike.
const SPECIAL = /^(https?):([\s\S]*)$/i;
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };
// A registered name or IPv4 address: unreserved and sub-delimiter characters (RFC 3986 3.2.2).
const REG_NAME = /^[a-z0-9\-._~!$&'()*+,;=]+$/;
// What WHATWG percent-encodes in each part, besides controls and non-ASCII (which are refused or encoded).
const PATH_ESCAPES = /[ "<>`{}]/g;
const QUERY_ESCAPES = /[ "<>']/g;
const FRAGMENT_ESCAPES = /[ "<>`]/g;
// C0 controls and DEL inside a URL are refused rather than silently dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

interface Parts {
  scheme?: string | undefined;
  authority?: string | undefined;
  path: string;
  query?: string | undefined;
  fragment?: string | undefined;
}

function split(reference: string): Parts {
  // Every group is optional, so any string matches; the guard keeps a surprise from throwing.
  const m = REFERENCE.exec(reference) ?? [];
  return { scheme: m[1], authority: m[2], path: m[3] ?? '', query: m[4], fragment: m[5] };
}

/** RFC 4291 2.2: eight groups of 1–4 hex digits, `::` once for a run of zeros, an IPv4 tail allowed. */
function isIpv6(address: string): boolean {
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = (text: string) => (text === '' ? [] : text.split(':'));
  const head = groups(halves[0] as string);
  const tail = halves.length === 2 ? groups(halves[1] as string) : [];
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.indexOf('.') >= 0) {
    const octets = last.split('.');
    if (octets.length !== 4 || !octets.every((o) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(o)))
      return false;
    all.pop();
    count += 1; // an IPv4 address is two groups
  }
  if (!all.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** RFC 3986 5.2.4: `/a/b/../c/./d` → `/a/c/d`. */
export function removeDotSegments(path: string): string {
  const output: string[] = [];
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const last = i === segments.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..' && output.length > 1) output.pop();
      // A trailing `.` or `..` still names a directory: keep the final slash.
      if (last) output.push('');
      continue;
    }
    output.push(segment);
  }
  const joined = output.join('/');
  return path.startsWith('/') && !joined.startsWith('/') ? `/${joined}` : joined;
}

/** RFC 3986 5.2.3: the base path up to its last `/`, then the reference's path. */
function merge(base: Parts, path: string): string {
  if (base.authority !== undefined && base.path === '') return `/${path}`;
  const at = base.path.lastIndexOf('/');
  return at < 0 ? path : base.path.slice(0, at + 1) + path;
}

/** RFC 3986 5.2.2, non-strict: a reference with the base's own scheme and no authority is relative. */
function resolveParts(ref: Parts, base: Parts): Parts {
  let scheme = ref.scheme;
  if (scheme !== undefined && ref.authority === undefined && base.scheme !== undefined) {
    if (scheme.toLowerCase() === base.scheme.toLowerCase()) scheme = undefined;
  }
  if (scheme !== undefined) {
    return { ...ref, scheme, path: removeDotSegments(ref.path) };
  }
  if (ref.authority !== undefined) {
    return { ...ref, scheme: base.scheme, path: removeDotSegments(ref.path) };
  }
  const target: Parts = { scheme: base.scheme, authority: base.authority, path: '', fragment: ref.fragment };
  if (ref.path === '') {
    target.path = base.path;
    target.query = ref.query !== undefined ? ref.query : base.query;
  } else {
    target.path = removeDotSegments(ref.path.startsWith('/') ? ref.path : merge(base, ref.path));
    target.query = ref.query;
  }
  return target;
}

/** Percent-encodes what WHATWG encodes in one part, and every non-ASCII character as UTF-8. */
function encodePart(text: string, escapes: RegExp): string {
  return text
    .replace(escapes, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(
      // A whole code point at a time (a surrogate pair is one); a lone surrogate throws, as it should.
      /[\ud800-\udbff][\udc00-\udfff]|[\u0080-\uffff]/g,
      (c) => encodeURIComponent(c),
    );
}

type Checked = HttpUrl | UrlProblem;

/** Checks and normalises resolved parts as an absolute http(s) URL. */
function toHttpUrl(parts: Parts): Checked {
  const scheme = parts.scheme?.toLowerCase();
  if (scheme === undefined) return 'invalid';
  if (scheme !== 'http' && scheme !== 'https') return 'scheme';
  if (parts.authority === undefined) return 'invalid';
  let authority = parts.authority;
  const at = authority.lastIndexOf('@');
  // Credentials in a URL would end up in logs and messages; the Authorization header is the way. Said
  // only once the rest is a valid authority, else the URL is just invalid.
  const credentials = at > 0;
  if (at >= 0) authority = authority.slice(at + 1);
  const portAt = authority.lastIndexOf(':');
  let host = authority;
  let port = '';
  if (portAt >= 0 && !authority.endsWith(']')) {
    host = authority.slice(0, portAt);
    port = authority.slice(portAt + 1);
    if (!/^\d*$/.test(port) || (port !== '' && Number(port) > 65_535)) return 'invalid';
    if (port !== '') port = String(Number(port));
    if (port === DEFAULT_PORTS[scheme]) port = '';
  }
  host = host.toLowerCase();
  const literal = /^\[(.*)\]$/.exec(host);
  if (host === '' || !(literal ? isIpv6(literal[1] as string) : REG_NAME.test(host))) return 'invalid';
  if (credentials) return 'credentials';

  let path: string;
  let query: string;
  let fragment: string;
  try {
    path = encodePart(parts.path === '' ? '/' : parts.path, PATH_ESCAPES);
    query = parts.query === undefined ? '' : `?${encodePart(parts.query, QUERY_ESCAPES)}`;
    fragment = parts.fragment === undefined ? '' : `#${encodePart(parts.fragment, FRAGMENT_ESCAPES)}`;
  } catch {
    return 'invalid';
  }
  const hostPort = port ? `${host}:${port}` : host;
  const href = `${scheme}://${hostPort}${path}${query}${fragment}`;
  return { scheme, host, port, path, query, fragment, href };
}

/**
 * What WHATWG does first: trim C0 controls and spaces, drop tabs and newlines anywhere; then refuse any
 * other control inside, and read `\` as `/` before the query (as browsers do).
 */
function prepare(input: string): string | undefined {
  // A loop, not a regular expression: `/[…]+$/` retried at every inner run is quadratic on a hostile
  // Location header.
  let start = 0;
  let end = input.length;
  while (start < end && input.charCodeAt(start) <= 0x20) start++;
  while (end > start && input.charCodeAt(end - 1) <= 0x20) end--;
  const trimmed = input.slice(start, end).replace(/[\t\n\r]/g, '');
  if (CONTROL.test(trimmed)) return undefined;
  const queryAt = trimmed.search(/[?#]/);
  const head = queryAt < 0 ? trimmed : trimmed.slice(0, queryAt);
  return head.replace(/\\/g, '/') + (queryAt < 0 ? '' : trimmed.slice(queryAt));
}

/**
 * `input` as an absolute http(s) URL, resolved against `base` when it is relative (and `base` is given),
 * or the problem that makes it unusable.
 */
export function parseHttpUrl(input: string, base?: string): Checked {
  let prepared = prepare(input);
  if (prepared === undefined || (prepared === '' && base === undefined)) return 'invalid';
  const special = SPECIAL.exec(prepared);
  if (special) {
    const scheme = (special[1] as string).toLowerCase();
    const rest = special[2] as string;
    const baseScheme = base === undefined ? undefined : SPECIAL.exec(prepare(base) ?? '')?.[1]?.toLowerCase();
    // Against a base of the same scheme, `http:g` and `http:/g` are relative; otherwise any number of
    // slashes (none included) leads to the authority.
    prepared =
      baseScheme === scheme && !rest.startsWith('//') ? rest : `${scheme}://${rest.replace(/^\/*/, '')}`;
  } else if (prepared.startsWith('//')) {
    // A scheme-relative reference: as after `http:`, any number of slashes leads to the authority.
    prepared = `//${prepared.replace(/^\/*/, '')}`;
  }
  let parts = split(prepared);
  if (parts.scheme === undefined || (parts.authority === undefined && base !== undefined)) {
    if (base === undefined) return 'invalid';
    const preparedBase = prepare(base);
    if (preparedBase === undefined) return 'invalid';
    const baseParts = split(preparedBase);
    if (baseParts.scheme === undefined) return 'invalid';
    baseParts.path = removeDotSegments(baseParts.path);
    parts = resolveParts(parts, baseParts);
  } else {
    parts = { ...parts, path: removeDotSegments(parts.path) };
  }
  return toHttpUrl(parts);
}

/** Whether two absolute http(s) URLs share scheme, host and port (credentials may go from one to the other). */
export function sameOrigin(a: HttpUrl, b: HttpUrl): boolean {
  return a.scheme === b.scheme && a.host === b.host && a.port === b.port;
}
