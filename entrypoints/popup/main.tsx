import { Popup } from '@/components/popup/Popup';
import { mountPage } from '@/components/mount';
import '@/components/pages.css';

mountPage(<Popup />);
