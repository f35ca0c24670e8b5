import { Options } from '@/components/Options';
import { mountPage } from '@/components/mount';
import '@/components/pages.css';

mountPage(<Options />);
