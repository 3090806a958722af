// Files attached to a collaboration (signed scans, e-mails, photos of whiteboards): read in the
// window, sent base64 in `add_attachment`, stored once per content by the engine.
import type { AttachmentInput } from '../../bindings';
import { useEngineAction } from '../../engine';

/** Base64 of some bytes, in slices so large scans do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function attachmentInput(collaboration: string, file: File): Promise<AttachmentInput> {
  return {
    collaboration,
    file_name: file.name,
    media_type: file.type || 'application/octet-stream',
    content_base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
  };
}

/** Stores a chosen file as an attachment of the collaboration; resolves to the attachment id. */
export function useAddAttachment(collaboration: string, success?: string) {
  const add = useEngineAction('add_attachment', { success });
  const attach = async (file: File) => (await add.mutateAsync(await attachmentInput(collaboration, file))).id;
  return { attach, isPending: add.isPending };
}

/** A file size for people: 532 KB, 4.2 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
