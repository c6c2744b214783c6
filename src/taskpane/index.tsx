// Placeholder entry until the task pane app lands (the "taskpane" helper owns this file).
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) createRoot(root).render(<p>Tierwise</p>);
