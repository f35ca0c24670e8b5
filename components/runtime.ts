/** The one place UI pages touch the extension runtime: a typed client for the background. */
import { browser } from 'wxt/browser';
import { createClient } from '@/lib/messaging/rpc';

export const rpc = createClient((message) => browser.runtime.sendMessage(message));
