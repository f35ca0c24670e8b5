import { Popup } from '@/components/Popup';
import { mountPage } from '@/components/mount';
import '@/components/pages.css';

mountPage(<Popup />);
