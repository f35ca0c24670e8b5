/** The popup page itself, loaded by main.tsx once the first request is on its way. */
import { Popup } from '@/components/popup/Popup';
import { mountPage } from '@/components/mount';

mountPage(<Popup />);
