import { describe, expect, it } from 'vitest';
import { allowPermission } from './permission-policy';

describe('permission policy (deny by default)', () => {
  it("lets the app's own page put the video player in fullscreen", () => {
    expect(allowPermission('fullscreen', 'app://anchor')).toBe(true);
    expect(allowPermission('fullscreen', 'app://anchor/index.html#/packet/p1')).toBe(true);
  });

  it('a page from another origin cannot take over the screen (fullscreen spoofing)', () => {
    for (const origin of [
      'https://attacker.example',
      'evidence://anchor',
      'app://anchor.attacker.example',
      'app://anchorx/index.html',
      'file:///etc/passwd',
      'null',
      '',
      undefined,
    ]) {
      expect(allowPermission('fullscreen', origin), String(origin)).toBe(false);
    }
  });

  it('evidence or a hijacked renderer gets no camera, microphone, location, notifications or clipboard, even from the app origin', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'midi',
      'midiSysex',
      'pointerLock',
      'keyboardLock',
      'openExternal',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'unknown',
    ]) {
      expect(allowPermission(permission, 'app://anchor'), permission).toBe(false);
    }
  });
});
