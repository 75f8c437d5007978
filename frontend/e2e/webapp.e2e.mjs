// End-to-end test of the ImageFlow web app in a real browser (Debian's Chromium driven by playwright-core).
//
// Uploads three photographs with different operations, follows the batch until every image is DONE,
// checks the before/after slider and the keyboard, downloads the zip and counts its images, takes
// screenshots (desktop and phone), and fails on any console error or warning and any page error.
//
// Environment:
//   IMAGEFLOW_URL   backend base URL serving the API and the web app, e.g. http://localhost:18080 (required)
//   WEBAPP_URL      where the web app is served, if not by the backend (default: IMAGEFLOW_URL)
//   PHOTOS_DIR      folder of JPEG photographs (default: the repository's test photographs,
//                   ../processors/src/test/resources/photos from frontend/; CORPUS_DIR is read too)
//   SCREENSHOT_DIR  where the PNGs go (default: ../target/screenshots from frontend/)
//   CHROMIUM_PATH   the browser (default: /usr/bin/chromium)
//   E2E_DONE_TIMEOUT_MS  how long to wait for the batch to finish (default: 180000)
//
// Exit code 0 on success, 1 on a failed check, 2 on a setup problem.

import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { chromium } from 'playwright-core';

const frontendDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DONE_TIMEOUT_MS = Number(env.E2E_DONE_TIMEOUT_MS ?? 180_000);
const TOTAL_TIMEOUT_MS = DONE_TIMEOUT_MS + 150_000;
const STEP_TIMEOUT_MS = 30_000;
const UPLOAD_TIMEOUT_MS = 120_000;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };
const EMAIL = 'e2e@example.com';
const IMAGE_NAME = /\.(jpe?g|png|gif|bmp|tiff?|webp)$/i;

class CheckFailed extends Error {}
class SetupFailed extends Error {}

function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

const started = Date.now();
/** The running browser, for the watchdog to close. */
let activeBrowser = null;
function step(message) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
}

function config() {
  if (!env.IMAGEFLOW_URL) throw new SetupFailed('Set IMAGEFLOW_URL to the backend base URL, e.g. IMAGEFLOW_URL=http://localhost:18080');
  const apiBase = env.IMAGEFLOW_URL.replace(/\/+$/, '');
  return {
    apiBase,
    appBase: (env.WEBAPP_URL || apiBase).replace(/\/+$/, ''),
    photosDir: resolve(env.PHOTOS_DIR || env.CORPUS_DIR || resolve(frontendDir, '../processors/src/test/resources/photos')),
    screenshotDir: env.SCREENSHOT_DIR ? resolve(env.SCREENSHOT_DIR) : resolve(frontendDir, '../target/screenshots'),
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
  };
}

/** The three smallest JPEG photographs of the folder. */
async function pickPhotos(photosDir) {
  let names;
  try {
    names = await readdir(photosDir);
  } catch {
    throw new SetupFailed(`PHOTOS_DIR ${photosDir} cannot be read; point PHOTOS_DIR at a folder of JPEG photographs`);
  }
  const photos = await Promise.all(
    names.filter((name) => /\.jpe?g$/i.test(name)).map(async (name) => ({ path: join(photosDir, name), size: (await stat(join(photosDir, name))).size })),
  );
  photos.sort((a, b) => a.size - b.size);
  if (photos.length < 3) throw new SetupFailed(`PHOTOS_DIR ${photosDir} holds ${photos.length} JPEG files; three are needed`);
  return photos.slice(0, 3).map((photo) => photo.path);
}

/** The label the editor gives a parameter (mirrors humanize() in src/lib/format.ts). */
function humanize(name) {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

/**
 * Plans the three images' operations from the backend's own catalogue, so that the test follows its
 * operation and parameter names: resize to 400 wide; grayscale then rotate 90; blur then convert to PNG.
 */
async function planOperations(apiBase) {
  let catalogue;
  try {
    const response = await fetch(`${apiBase}/api/v1/operations`, { signal: AbortSignal.timeout(STEP_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    catalogue = await response.json();
  } catch (error) {
    throw new SetupFailed(`GET ${apiBase}/api/v1/operations failed (${error.message}); is the backend running at IMAGEFLOW_URL?`);
  }
  const operations = Array.isArray(catalogue.operations) ? catalogue.operations : [];
  const parametersOf = (op) => (Array.isArray(op.parameters) ? op.parameters : []);
  const operation = (...types) => {
    const found = operations.find((op) => types.includes(String(op.type).toLowerCase()));
    if (!found) {
      throw new CheckFailed(`the catalogue has none of the operations ${types.join(', ')} (it has: ${operations.map((op) => op.type).join(', ')})`);
    }
    return found;
  };
  /** The parameter whose name matches `name`, else the first that passes `fallback`. */
  const parameter = (op, name, fallback, what) => {
    const found = parametersOf(op).find((p) => name.test(p.name)) ?? parametersOf(op).find(fallback);
    if (!found) throw new CheckFailed(`operation ${op.type} has no ${what} parameter`);
    return found.name;
  };
  const isNumeric = (p) => p.type === 'integer' || p.type === 'number';
  /** One step: the wanted values, plus a valid value for each required parameter that has no default. */
  const stepOf = (op, wanted = {}) => {
    const values = { ...wanted };
    for (const p of parametersOf(op)) {
      if (!p.required || p.default !== undefined || p.type === 'boolean' || p.name in values) continue;
      if (p.enum?.length) values[p.name] = p.enum[0];
      else if (isNumeric(p)) values[p.name] = String(Math.min(p.maximum ?? Infinity, Math.max(p.minimum ?? 1, 2)));
      else values[p.name] = 'ImageFlow';
    }
    return { type: op.type, values };
  };

  const resize = operation('resize', 'scale');
  const rotate = operation('rotate', 'rotation');
  const convert = operation('format', 'convert', 'encode', 'output');
  return [
    [stepOf(resize, { [parameter(resize, /^(width|w)$/i, () => false, 'width')]: '400' })],
    [
      stepOf(operation('grayscale', 'greyscale', 'gray', 'grey', 'desaturate')),
      stepOf(rotate, { [parameter(rotate, /angle|degree|rotation/i, (p) => isNumeric(p) || p.enum?.includes('90'), 'angle')]: '90' }),
    ],
    [
      stepOf(operation('blur', 'gaussian-blur', 'gaussianblur')),
      stepOf(convert, { [parameter(convert, /format/i, (p) => p.enum?.includes('png'), 'format')]: 'png' }),
    ],
  ];
}

async function screenshot(page, dir, name, options = {}) {
  const path = join(dir, name);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true, ...options });
  step(`screenshot ${path}`);
}

async function waitForImagesLoaded(locator, what) {
  await locator.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const pending = await locator.evaluateAll((images) => images.filter((image) => !(image.complete && image.naturalWidth > 0)).length);
    if (pending === 0) return;
    check(Date.now() < deadline, `${what}: ${pending} image(s) did not load`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** Fills the upload form: files, each image's operations, the email. */
async function fillUploadForm(page, photos, plan) {
  await page.locator('input[type="file"]').setInputFiles(photos);
  for (const [index, photo] of photos.entries()) {
    const name = basename(photo);
    const card = page.getByRole('region', { name, exact: true });
    await card.waitFor({ timeout: STEP_TIMEOUT_MS });
    for (const [position, operation] of plan[index].entries()) {
      await card.getByLabel(`Operation to add to ${name}`).selectOption(operation.type);
      await card.getByRole('button', { name: 'Add operation' }).click();
      const item = card.locator('li.op').nth(position);
      await item.waitFor({ timeout: STEP_TIMEOUT_MS });
      for (const [parameter, value] of Object.entries(operation.values)) {
        const field = item.getByLabel(humanize(parameter), { exact: true });
        const tag = await field.evaluate((element) => element.tagName.toLowerCase());
        if (tag === 'select') await field.selectOption(value);
        else await field.fill(value);
      }
    }
    check((await card.locator('li.op').count()) === plan[index].length, `${name} should list ${plan[index].length} operation(s)`);
    check((await card.locator('.field__error').count()) === 0, `${name}: the editor shows a validation message: ${await card.locator('.field__error').allTextContents()}`);
  }
  await waitForImagesLoaded(page.locator('img.thumb'), 'upload previews');
  await page.getByLabel('Email for the completion notice').fill(EMAIL);
}

/** Polls the page (which polls the API) until every image is DONE; fails early on a FAILED image. */
async function waitUntilAllDone(page, count) {
  const deadline = Date.now() + DONE_TIMEOUT_MS;
  let last = '';
  for (;;) {
    const statuses = await page.locator('article.result-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-status')));
    const summary = statuses.join(', ');
    if (summary !== last) {
      step(`image statuses: ${summary || '(none yet)'}`);
      last = summary;
    }
    if (statuses.includes('FAILED')) {
      const reasons = await page.locator('article.result-card[data-status="FAILED"] .callout--danger').allTextContents();
      throw new CheckFailed(`an image failed: ${reasons.join(' | ')}`);
    }
    if (statuses.length === count && statuses.every((status) => status === 'DONE')) return;
    check(Date.now() < deadline, `the batch was not done within ${DONE_TIMEOUT_MS / 1000} s (statuses: ${summary})`);
    await new Promise((done) => setTimeout(done, 1000));
  }
}

async function checkSlider(page) {
  const card = page.locator('article.result-card').first();
  const slider = card.getByRole('slider');
  await slider.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await waitForImagesLoaded(card.locator('.compare img'), 'before/after images');
  const value = async () => Number(await slider.getAttribute('aria-valuenow'));
  const clip = () => card.locator('.compare__image--after').evaluate((image) => image.style.clipPath);

  await slider.focus();
  const initial = await value();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const left = await value();
  check(left < initial, `ArrowLeft should move the slider left (was ${initial}, now ${left})`);
  await page.keyboard.press('ArrowRight');
  check((await value()) > left, 'ArrowRight should move the slider right');
  await page.keyboard.press('End');
  check((await value()) === 100, 'End should move the slider to 100');
  await page.keyboard.press('Home');
  check((await value()) === 0, 'Home should move the slider to 0');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  const moved = await value();
  check(moved > 0 && (await clip()).includes(`${moved}%`), `the after image should be cut at ${moved}% (clip-path ${await clip()})`);
  step(`slider moved with the keyboard: ${initial} → ${left} → … → ${moved}`);

  const frame = await card.locator('.compare').boundingBox();
  check(frame && frame.width > 0, 'the before/after frame should have a size');
  await page.mouse.move(frame.x + frame.width * 0.5, frame.y + frame.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(frame.x + frame.width * 0.8, frame.y + frame.height * 0.5, { steps: 5 });
  await page.mouse.up();
  const dragged = await value();
  check(dragged >= 75 && dragged <= 85, `dragging to 80 % of the frame should move the slider there (value ${dragged})`);
  step(`slider dragged with the pointer to ${dragged}`);
  return card;
}

async function downloadZip(page, expected) {
  const link = page.getByRole('link', { name: 'Download all (zip)' });
  await link.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), link.click()]);
  const failure = await download.failure();
  check(!failure, `the zip download failed: ${failure}`);
  const bytes = await readFile(await download.path());
  let entries;
  try {
    entries = unzipSync(new Uint8Array(bytes));
  } catch (error) {
    throw new CheckFailed(`the download ${download.suggestedFilename()} is not a zip (${error.message})`);
  }
  const images = Object.entries(entries).filter(([name, data]) => !name.endsWith('/') && IMAGE_NAME.test(name) && data.length > 0);
  check(images.length === expected, `the zip should hold ${expected} images, it holds: ${Object.keys(entries).join(', ') || 'nothing'}`);
  step(`zip ${download.suggestedFilename()} holds ${images.map(([name, data]) => `${name} (${data.length} bytes)`).join(', ')}`);
}

async function checkNoHorizontalScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 0, `${what} scrolls sideways at ${PHONE.width} px (${overflow} px too wide)`);
}

async function run(settings, problems) {
  const photos = await pickPhotos(settings.photosDir);
  step(`photos: ${photos.map((photo) => basename(photo)).join(', ')}`);
  const plan = await planOperations(settings.apiBase);
  step(`operations: ${plan.map((ops) => ops.map((op) => op.type).join(' + ')).join(' | ')}`);
  await mkdir(settings.screenshotDir, { recursive: true });

  const browser = await chromium.launch({ executablePath: settings.chromiumPath, headless: true, args: CHROMIUM_ARGS }).catch((error) => {
    throw new SetupFailed(`Chromium did not start from ${settings.chromiumPath} (${error.message.split('\n')[0]}); set CHROMIUM_PATH`);
  });
  activeBrowser = browser;
  try {
    const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        const where = message.location()?.url ? ` (${message.location().url})` : '';
        problems.push(`console ${message.type()}: ${message.text()}${where}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('crash', () => problems.push('the page crashed'));

    step(`open ${settings.appBase}/`);
    await page.goto(`${settings.appBase}/`, { waitUntil: 'load' });
    await page.getByRole('heading', { name: 'Process a batch of images' }).waitFor();
    await page.getByText('Choose images').waitFor();

    await fillUploadForm(page, photos, plan);
    await screenshot(page, settings.screenshotDir, '01-upload-files-selected.png');

    step('submit');
    await page.getByRole('button', { name: /^Process 3 images$/ }).click();
    await page.waitForURL(/\/batches\/[0-9a-f-]{36}$/i, { timeout: UPLOAD_TIMEOUT_MS }).catch(async () => {
      const alert = await page.locator('.alert').allTextContents();
      throw new CheckFailed(`the upload did not lead to the batch page${alert.length ? `: ${alert.join(' | ')}` : ''}`);
    });
    const batchUrl = page.url();
    step(`batch page ${batchUrl}`);
    await page.getByRole('progressbar', { name: 'Batch progress' }).waitFor();
    await page.locator('article.result-card').first().waitFor();
    await screenshot(page, settings.screenshotDir, '02-batch-in-progress.png');

    await waitUntilAllDone(page, photos.length);
    await page.getByText('Completed', { exact: true }).first().waitFor();
    check((await page.locator('.counts dd').allTextContents()).join('/') === '3/3/0', 'the counts should read 3 images, 3 done, 0 failed');

    const card = await checkSlider(page);
    await page.keyboard.press('End');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await card.screenshot({ path: join(settings.screenshotDir, '03-before-after.png') });
    step(`screenshot ${join(settings.screenshotDir, '03-before-after.png')}`);
    await screenshot(page, settings.screenshotDir, '04-batch-done.png');

    await downloadZip(page, photos.length);

    step('reload the deep link');
    await page.goto(batchUrl, { waitUntil: 'load' });
    await page.getByRole('slider').first().waitFor();
    check((await page.locator('article.result-card[data-status="DONE"]').count()) === photos.length, 'after a reload, the batch page should show the three results');

    step(`phone width ${PHONE.width} px`);
    await page.setViewportSize(PHONE);
    await waitForImagesLoaded(page.locator('.compare img'), 'before/after images at phone width');
    await checkNoHorizontalScroll(page, 'the batch page');
    await screenshot(page, settings.screenshotDir, '05-batch-phone.png');
    await page.goto(`${settings.appBase}/`, { waitUntil: 'load' });
    await page.getByText('Choose images').waitFor();
    await page.locator('input[type="file"]').setInputFiles(photos.slice(0, 2));
    await waitForImagesLoaded(page.locator('img.thumb'), 'upload previews at phone width');
    await checkNoHorizontalScroll(page, 'the upload page');
    await screenshot(page, settings.screenshotDir, '06-upload-phone.png');

    await context.close();
  } finally {
    activeBrowser = null;
    await browser.close();
  }
}

async function main() {
  const problems = [];
  let settings;
  const watchdog = setTimeout(async () => {
    console.error(`E2E FAILED: the test did not finish within ${TOTAL_TIMEOUT_MS / 1000} s`);
    console.log('0 passed, 1 failed');
    await Promise.race([activeBrowser?.close(), new Promise((done) => setTimeout(done, 10_000))]).catch(() => {});
    process.exit(1);
  }, TOTAL_TIMEOUT_MS);
  try {
    settings = config();
    await run(settings, problems);
    check(problems.length === 0, `the browser reported problems:\n  ${problems.join('\n  ')}`);
    console.log(`E2E PASSED in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${settings.screenshotDir}`);
    console.log('1 passed, 0 failed');
    process.exitCode = 0;
  } catch (error) {
    const setup = error instanceof SetupFailed;
    console.error(`E2E ${setup ? 'SETUP ERROR' : 'FAILED'}: ${error instanceof CheckFailed || setup ? error.message : error.stack ?? error}`);
    if (problems.length > 0 && !(error instanceof CheckFailed && error.message.startsWith('the browser reported'))) {
      console.error(`browser problems seen before that:\n  ${problems.join('\n  ')}`);
    }
    console.log('0 passed, 1 failed');
    process.exitCode = setup ? 2 : 1;
  } finally {
    clearTimeout(watchdog);
  }
}

await main();
