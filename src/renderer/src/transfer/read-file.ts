/** A file or a pasted image as Base64, as the contract carries it (the browser encodes it). */
export function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** The files of an input or a drop, read for `previewImport`. */
export function importFilesOf(files: Iterable<File>): Promise<{ name: string; content: string }[]> {
  return Promise.all(
    [...files].map(async (file) => ({ name: file.name, content: await base64Of(file) })),
  );
}
