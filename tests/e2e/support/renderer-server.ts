import { type PreviewServer, preview } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/shell-policy/content-security-policy.js';

/**
 * Serves the built renderer (out/renderer) over http on 127.0.0.1, with the
 * app's real Content-Security-Policy, as the custom protocol does in Electron.
 */
export async function startRendererServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    configFile: false,
    logLevel: 'warn',
    build: { outDir: 'out/renderer' },
    preview: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      open: false,
      headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The renderer server did not start.');
  return { url, close: () => server.close() };
}
