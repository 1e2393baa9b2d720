// Photo sharing: files go to the server one at a time (a queue), so a phone never has several large
// uploads running at once. The server is the judge of what a picture is; its error sentence is shown.
import {apiErrorText} from './ui.js';

export function createPhotoQueue(app, performerId, onState) {
  const {t} = app;
  const queue = [];
  let running = false;
  let stopped = false;
  let done = 0;

  function add(files) {
    for (const file of files) {
      if (!file.type || !file.type.startsWith('image/')) {
        app.toast(t('photo.notImage', {name: file.name}));
        continue;
      }
      queue.push(file);
    }
    pump();
  }

  async function pump() {
    if (running || stopped) return;
    running = true;
    done = 0;
    while (queue.length && !stopped) {
      const file = queue.shift();
      onState(t('photo.uploading', {name: file.name, count: queue.length, left: queue.length}));
      try {
        await app.api.uploadPhoto(performerId, file);
        done++;
      } catch (e) {
        app.toast(t('photo.failed', {name: file.name, error: apiErrorText(app, e)}));
      }
    }
    running = false;
    onState(null);
  }

  return {add, stop: () => { stopped = true; queue.length = 0; }};
}
