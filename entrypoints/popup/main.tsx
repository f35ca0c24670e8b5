/**
 * The popup's entry: sends the first request, then loads the page. React, the catalogues and
 * the protocol's schemas are a separate chunk (./app), so the request does not wait for them:
 * the background builds the first rows while that chunk is fetched, parsed and mounted.
 */
import { browser } from 'wxt/browser';
import { sendFirstRequest } from '@/components/popup/first-request';
import '@/components/pages.css';
import '@/components/popup/popup.css';

sendFirstRequest((message) => browser.runtime.sendMessage(message));
void import('./app');
