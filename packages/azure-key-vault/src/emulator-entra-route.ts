/** Entra ID's public host: MSAL has its endpoints built in, and asks it for no metadata. */
export const PUBLIC_ENTRA_HOST = 'login.microsoftonline.com';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface RoutedRequest {
  url: string;
}

/**
 * For the emulator connection only: a pipeline policy (position `perRetry`) for the
 * credential that sends what MSAL addresses to Entra ID's public host to the emulator at
 * `entraOrigin`. MSAL then runs as against Azure: its built-in endpoints for that host, no
 * OpenID metadata request. Any other host that is not loopback is refused before a byte is
 * sent, so that a test can never reach a real Entra ID.
 */
export function emulatorEntraRoute(entraOrigin: string) {
  const emulator = new URL(entraOrigin);
  return {
    name: 'fromsecretEmulatorEntraRoute',
    sendRequest: <Request extends RoutedRequest, Response>(
      request: Request,
      next: (request: Request) => Promise<Response>,
    ): Promise<Response> => {
      const url = new URL(request.url);
      if (url.hostname === PUBLIC_ENTRA_HOST) {
        url.protocol = emulator.protocol;
        url.host = emulator.host;
        request.url = url.href;
      } else if (!loopbackHosts.has(url.hostname)) {
        return Promise.reject(
          new Error(
            `The emulator connection serves Entra ID at ${PUBLIC_ENTRA_HOST} only and sends nothing off loopback; it refused a request to ${url.host}: leave authorityHost at its default (https://${PUBLIC_ENTRA_HOST}) or point it at the emulator`,
          ),
        );
      }
      return next(request);
    },
  };
}
