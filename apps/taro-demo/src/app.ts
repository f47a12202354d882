import type { PropsWithChildren } from 'react';
import './app.css';

/** The app shell: Taro renders the current page as its children. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
