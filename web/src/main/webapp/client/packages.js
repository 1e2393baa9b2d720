// Credit packages: a dialog that lists what the site sells. buyPackage(pkg) is the one place where a
// purchase starts; payments (PayPal) are not switched on yet, so it says so.
import {h, replace} from './dom.js';
import {apiErrorText, openDialog} from './ui.js';

export function buyPackage(app, pkg) {
  app.toast(app.t('packages.notYet', {credits: app.fmt.credits(pkg.credits), count: pkg.credits}), 'info');
}

export function openPackages(app) {
  const {t, fmt} = app;
  const list = h('ul', {class: 'ppv-packages'}, h('li', {class: 'ppv-state'}, t('packages.loading')));
  let dialogDone = null;
  app.api.packages().then((packages) => {
    if (!packages || !packages.length) {
      replace(list, h('li', {class: 'ppv-state'}, t('packages.none')));
      return;
    }
    replace(list, packages.map((pkg) => h('li', {class: 'ppv-package', dataset: {packageId: pkg.id}},
      h('button', {type: 'button', class: 'ppv-button ppv-package-buy', dataset: {action: 'buy-package', packageId: pkg.id},
        onclick: () => buyPackage(app, pkg)},
        h('span', {class: 'ppv-package-credits'}, t('packages.credits', {credits: fmt.credits(pkg.credits), count: pkg.credits})),
        h('span', {class: 'ppv-package-price'}, fmt.money(pkg.price, pkg.currency || app.config.currency)),
        pkg.description ? h('span', {class: 'ppv-package-description'}, pkg.description) : null))));
  }).catch((e) => {
    replace(list, h('li', {class: 'ppv-state'}, e.status === 404 ? t('packages.none') : t('packages.error', {error: apiErrorText(app, e)})));
  });
  dialogDone = openDialog(app, {title: t('packages.title'), body: [h('p', {class: 'ppv-hint'}, t('packages.hint')), list],
    confirmLabel: t('dialog.close'), cancelLabel: t('dialog.cancel')});
  return dialogDone;
}
