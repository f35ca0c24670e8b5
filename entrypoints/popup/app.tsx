/** The popup page itself, loaded by main.tsx once the first requests are on their way; it takes over the first paint's rows. */
import { Popup } from '@/components/popup/Popup';
import { handOver } from '@/components/popup/first-paint';
import { prefillFirstScreen } from '@/components/popup/first-page';
import { mountPage } from '@/components/mount';

mountPage(<Popup />, (client) => prefillFirstScreen(client, handOver()));
