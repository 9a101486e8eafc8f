// The page's entry: starts the first view's requests, then loads the explorer. The styles are linked
// from here so the page is never drawn unstyled while the explorer's bundle loads.
import './styles.css';
import { firstRequests } from './firstRequests.js';

firstRequests();
void import('./main.js');
