// Reads a `multipart/form-data` body (the picture upload), given as latin1 text so bytes map one to one, into
// its fields for the simulator's checks: text fields become strings, files `{ filename, type, size }`. Not a
// general parser: no nested parts and no transfer encodings, which fetch's FormData never sends.

interface UploadedFile {
  filename: string;
  type: string;
  /** Bytes of the file. */
  size: number;
}

/** Fields by name, or undefined when the content type has no boundary. */
export function readMultipart(text: string, contentType: string): Record<string, string | UploadedFile> | undefined {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return undefined;
  const fields: Record<string, string | UploadedFile> = {};
  for (const part of text.split(`--${boundary}`)) {
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const head = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, "");
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) continue;
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? "application/octet-stream";
    fields[name] = filename === undefined ? content : { filename, type, size: Buffer.byteLength(content, "latin1") };
  }
  return fields;
}
