// Spoken calls for the boards: zh-CN through the browser's speechSynthesis, queued so that one call never cuts
// another. The next utterance starts only when the previous one ends (onend / onerror), or after a time-out
// if the browser never reports the end (no voice installed, a stuck engine). speechSynthesis.cancel() is never
// used for a new call. Test hook: every text is pushed to window.__queueSpeech when it is queued, and to
// window.__queueSpoken when it is handed to the speech engine.
(function () {
  'use strict';
  const Q = (window.Q = window.Q || {});
  window.__queueSpeech = window.__queueSpeech || [];
  window.__queueSpoken = window.__queueSpoken || [];
  const queue = [];
  let busy = false;

  const engine = () => ('speechSynthesis' in window && 'SpeechSynthesisUtterance' in window ? window.speechSynthesis : null);
  const chineseVoice = () => {
    const voices = engine() ? engine().getVoices() : [];
    return voices.find((v) => v.lang === 'zh-CN') || voices.find((v) => v.lang && v.lang.toLowerCase().startsWith('zh')) || null;
  };
  // Long enough for the slowest real voice (≈3 characters a second), so a late onend never overlaps.
  const fallbackMs = (text) => 3000 + text.length * 350;

  const next = () => {
    if (busy || queue.length === 0) return;
    busy = true;
    const text = queue.shift();
    window.__queueSpoken.push(text);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      busy = false;
      next();
    };
    const timer = setTimeout(finish, fallbackMs(text));
    const synth = engine();
    if (!synth) {
      clearTimeout(timer);
      setTimeout(finish, 0);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    const voice = chineseVoice();
    if (voice) utterance.voice = voice;
    utterance.onend = finish;
    utterance.onerror = finish;
    synth.speak(utterance);
  };

  // Browsers speak only after a user gesture unless autoplay is allowed. An AudioContext that starts running
  // on its own tells us autoplay is allowed (a kiosk-mode board, or the tests' Chromium flag).
  const audioAllowed = () => {
    try {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return false;
      const ctx = new Ctx();
      const running = ctx.state === 'running';
      ctx.close();
      return running;
    } catch {
      return false;
    }
  };

  Q.speech = {
    say(text) {
      window.__queueSpeech.push(text);
      queue.push(text);
      next();
    },
    // The one-time "tap to enable voice" overlay; the tap is the gesture that unlocks speech.
    offerUnlock(overlay) {
      if (!engine() || audioAllowed() || (navigator.userActivation && navigator.userActivation.hasBeenActive)) return;
      overlay.hidden = false;
      overlay.addEventListener('click', () => {
        overlay.hidden = true;
        const hello = new SpeechSynthesisUtterance(Q.t('voiceOn'));
        hello.lang = 'zh-CN';
        hello.volume = 0.6;
        engine().speak(hello);
      }, { once: true });
    },
    pending: () => queue.length + (busy ? 1 : 0),
  };
})();
