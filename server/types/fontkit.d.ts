// fontkit (pdfkit's font engine) ships no types; Huiqi only parses a font once to hand it to pdfkit.
declare module 'fontkit' {
  /** A parsed font; pdfkit's registerFont accepts it in place of the file's bytes. */
  export type Font = { postscriptName: string; layout: (text: string) => unknown };
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
