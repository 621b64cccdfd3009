// SM3 (GB/T 32905-2016) in the browser, for commitments made on the supplier's own machine: the text never leaves the
// page, only its hash does. sm3Hex(string) hashes the string's UTF-8 bytes and returns 64 lower-case hex characters.
(function (global) {
  'use strict';
  function rotl(x, n) {
    n %= 32;
    return ((x << n) | (x >>> (32 - n))) >>> 0;
  }
  function p0(x) {
    return (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
  }
  function p1(x) {
    return (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;
  }
  function sm3(bytes) {
    var len = bytes.length;
    var blocks = Math.ceil((len + 9) / 64);
    var m = new Uint8Array(blocks * 64);
    m.set(bytes);
    m[len] = 0x80;
    var bits = len * 8;
    var view = new DataView(m.buffer);
    view.setUint32(m.length - 8, Math.floor(bits / 0x100000000));
    view.setUint32(m.length - 4, bits >>> 0);
    var v = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
    var w = new Array(68);
    var w1 = new Array(64);
    for (var b = 0; b < blocks; b++) {
      var j;
      for (j = 0; j < 16; j++) {
        w[j] = view.getUint32(b * 64 + j * 4);
      }
      for (j = 16; j < 68; j++) {
        w[j] = (p1(w[j - 16] ^ w[j - 9] ^ rotl(w[j - 3], 15)) ^ rotl(w[j - 13], 7) ^ w[j - 6]) >>> 0;
      }
      for (j = 0; j < 64; j++) {
        w1[j] = (w[j] ^ w[j + 4]) >>> 0;
      }
      var a = v[0], bb = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
      for (j = 0; j < 64; j++) {
        var t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
        var ss1 = rotl((rotl(a, 12) + e + rotl(t, j)) >>> 0, 7);
        var ss2 = (ss1 ^ rotl(a, 12)) >>> 0;
        var ff = j < 16 ? (a ^ bb ^ c) : ((a & bb) | (a & c) | (bb & c));
        var gg = j < 16 ? (e ^ f ^ g) : ((e & f) | (~e & g));
        var tt1 = ((ff >>> 0) + d + ss2 + w1[j]) >>> 0;
        var tt2 = ((gg >>> 0) + h + ss1 + w[j]) >>> 0;
        d = c;
        c = rotl(bb, 9);
        bb = a;
        a = tt1;
        h = g;
        g = rotl(f, 19);
        f = e;
        e = p0(tt2);
      }
      v = [a ^ v[0], bb ^ v[1], c ^ v[2], d ^ v[3], e ^ v[4], f ^ v[5], g ^ v[6], h ^ v[7]].map(function (x) {
        return x >>> 0;
      });
    }
    return v.map(function (x) {
      return ('00000000' + x.toString(16)).slice(-8);
    }).join('');
  }
  global.sm3Hex = function (text) {
    return sm3(new TextEncoder().encode(text));
  };
})(typeof window !== 'undefined' ? window : globalThis);
