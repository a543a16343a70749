// Typed sending and handling for the contract in core/messages.ts.
import { browser, type Browser } from 'wxt/browser';
import type { BackgroundRequest, BackgroundResponses, ContentRequest, ContentResponses, ResponseOf } from '../core/messages';

// Async, so that an invalidated extension context (after a reload), which
// throws at once rather than rejecting, still ends in a rejected promise.
export async function toBackground<R extends BackgroundRequest>(request: R): Promise<ResponseOf<R, BackgroundResponses>> {
  return (await browser.runtime.sendMessage(request)) as ResponseOf<R, BackgroundResponses>;
}

/** Asks one frame of a tab: the top one unless said otherwise (every frame of the page has a content script). */
export async function toTab<R extends ContentRequest>(tabId: number, request: R, frameId = 0): Promise<ResponseOf<R, ContentResponses>> {
  return (await browser.tabs.sendMessage(tabId, request, { frameId })) as ResponseOf<R, ContentResponses>;
}

/**
 * Wraps a teardown step that may run after the extension was reloaded, when
 * extension APIs throw: the page must never see that error.
 */
export function quietly(fn: () => void): () => void {
  return () => {
    try {
      fn();
    } catch {
      /* the extension context is gone; so is what we were undoing */
    }
  };
}

type Handlers<Req extends { type: string }, Res> = {
  [K in Req['type']]: (
    request: Extract<Req, { type: K }>,
    sender: Browser.runtime.MessageSender,
  ) => (K extends keyof Res ? Res[K] : never) | Promise<K extends keyof Res ? Res[K] : never>;
};

function isRequest(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

/**
 * Answers messages with one handler per request type. Messages of unknown
 * types are left to other listeners (returns undefined, as the polyfill expects).
 * Only the extension's own contexts can reach runtime.onMessage: web pages
 * cannot (no externally_connectable), so no sender check is needed for them.
 */
export function handle<Req extends { type: string }, Res>(handlers: Handlers<Req, Res>): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isRequest(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    const handler = handlers[message.type as Req['type']] as (r: unknown, s: typeof sender) => unknown;
    return Promise.resolve(handler(message, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return quietly(() => browser.runtime.onMessage.removeListener(listener));
}

export const handleBackground = (h: Handlers<BackgroundRequest, BackgroundResponses>) => handle(h);
export const handleContent = (h: Handlers<ContentRequest, ContentResponses>) => handle(h);
