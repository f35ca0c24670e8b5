import { prefetchFirstPage } from '@/components/popup/first-page';
import { Popup } from '@/components/popup/Popup';
import { mountPage } from '@/components/mount';
import '@/components/pages.css';

prefetchFirstPage();
mountPage(<Popup />);
