// Fetched rather than followed: inside the Shopify admin, App Bridge adds the session token to
// fetch requests, which a plain link to a file would not carry.
export async function downloadFile(href: string, filename: string) {
  const response = await fetch(href);
  if (!response.ok) throw new Error(`Download failed (${response.status})`);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}
