import { Options } from '@/components/options/Options';
import { mountPage } from '@/components/mount';
import '@/components/pages.css';

mountPage(<Options />);
