// Check-in at the door: when the browser can read QR codes (BarcodeDetector), the camera fills the code field and
// submits it; otherwise the page works as a plain form (type the code or search by name).
(function () {
    var start = document.getElementById('scan-start');
    if (!start || !('BarcodeDetector' in window) || !navigator.mediaDevices) return;
    start.hidden = false;
    start.addEventListener('click', async function () {
        var box = document.getElementById('scanner');
        var video = document.getElementById('scanner-video');
        try {
            var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
            var stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
            video.srcObject = stream;
            box.hidden = false;
            start.hidden = true;
            await video.play();
            var tick = async function () {
                var codes = await detector.detect(video);
                if (codes.length > 0) {
                    stream.getTracks().forEach(function (t) { t.stop(); });
                    document.getElementById('Code').value = codes[0].rawValue;
                    document.getElementById('scan-form').submit();
                    return;
                }
                requestAnimationFrame(tick);
            };
            tick();
        } catch (e) {
            box.hidden = true;
            start.hidden = true;
        }
    });
})();
