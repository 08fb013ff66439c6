// The scan box on every staff page: type or scan an asset tag, a serial or a label's URL and the
// device opens (GET /scan). Where the browser has a camera API, a "scan label" button reads the QR
// code: with the browser's BarcodeDetector when it reads QR codes, else with jsQR; without either,
// or when the camera is refused, the typed box is still there.
import { Form, useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "./ui/form";

type DetectedBarcode = { rawValue: string };
type BarcodeDetectorLike = { detect: (source: HTMLVideoElement) => Promise<DetectedBarcode[]> };
type BarcodeDetectorConstructor = {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
};

/** Reads one video frame; the QR code's text, or null when none is in view. */
type FrameReader = (video: HTMLVideoElement) => Promise<string | null>;

function isDetectorConstructor(value: unknown): value is BarcodeDetectorConstructor {
  return typeof value === "function";
}

async function nativeQrReader(): Promise<FrameReader | null> {
  const Detector: unknown = Reflect.get(window, "BarcodeDetector");
  if (!isDetectorConstructor(Detector)) return null;
  const formats = (await Detector.getSupportedFormats?.().catch(() => [])) ?? [];
  if (!formats.includes("qr_code")) return null;
  const detector = new Detector({ formats: ["qr_code"] });
  return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
}

async function libraryQrReader(): Promise<FrameReader> {
  // Loaded only when someone scans: most staff pages never need it.
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" })?.data ?? null;
  };
}

function hasCameraApi(): boolean {
  return typeof navigator !== "undefined" && typeof navigator.mediaDevices?.getUserMedia === "function";
}

type ScanState = { kind: "idle" } | { kind: "starting" } | { kind: "scanning" } | { kind: "failed"; messageKey: string };

/** The camera dialog; shown only where a camera API exists (rendered after hydration). */
function ScanLabelButton({ onFailed }: { onFailed: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [available, setAvailable] = useState(false);
  const [state, setState] = useState<ScanState>({ kind: "idle" });
  const dialogRef = useRef<HTMLDialogElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const timerRef = useRef<number | null>(null);
  const titleId = useId();

  useEffect(() => setAvailable(hasCameraApi()), []);

  const stopCamera = useCallback(() => {
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = null;
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
  }, []);

  useEffect(() => stopCamera, [stopCamera]);

  const close = () => {
    stopCamera();
    dialogRef.current?.close();
  };

  const start = async () => {
    dialogRef.current?.showModal();
    setState({ kind: "starting" });
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      streamRef.current = stream;
      const video = videoRef.current;
      if (!video) return stopCamera();
      video.srcObject = stream;
      await video.play();
      const read = (await nativeQrReader()) ?? (await libraryQrReader());
      setState({ kind: "scanning" });
      const tick = async () => {
        if (!streamRef.current) return;
        const text = await read(video).catch(() => null);
        if (text) {
          close();
          navigate(`/scan?q=${encodeURIComponent(text)}`);
          return;
        }
        timerRef.current = window.setTimeout(tick, 200);
      };
      void tick();
    } catch (error) {
      stopCamera();
      const refused = error instanceof DOMException && (error.name === "NotAllowedError" || error.name === "SecurityError");
      setState({ kind: "failed", messageKey: refused ? "scan.cameraRefused" : "scan.cameraUnavailable" });
    }
  };

  if (!available) return null;
  return (
    <>
      <button type="button" onClick={() => void start()} className={`${buttonClass("secondary")} gap-2 px-3`}>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M3 7V4h3M21 7V4h-3M3 17v3h3M21 17v3h-3M7 8h3v3H7zM14 8h3v3h-3zM7 13h3v3H7zM14 14h3M17 14v3" />
        </svg>
        {/* On a phone the icon alone: the button keeps its name for screen readers. */}
        <span className="sr-only sm:not-sr-only">{t("scan.scanLabel")}</span>
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onClose={() => {
          stopCamera();
          if (state.kind === "failed") onFailed();
          setState({ kind: "idle" });
        }}
        className="w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-4 text-slate-900 backdrop:bg-slate-900/60"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {t("scan.cameraTitle")}
        </h2>
        <p role="status" className="mt-1 text-sm text-slate-700">
          {state.kind === "failed" ? t(state.messageKey) : state.kind === "scanning" ? t("scan.pointAtLabel") : t("scan.startingCamera")}
        </p>
        <video
          ref={videoRef}
          muted
          playsInline
          className={state.kind === "failed" ? "hidden" : "mt-3 aspect-square w-full rounded bg-slate-900 object-cover"}
        />
        <div className="mt-3 flex justify-end">
          <button type="button" onClick={close} className={buttonClass("secondary")}>
            {state.kind === "failed" ? t("scan.typeInstead") : t("scan.cancel")}
          </button>
        </div>
      </dialog>
    </>
  );
}

/** The box itself: a plain GET form, so that it works without JavaScript too. */
export function ScanBox({ defaultValue = "", inputId = "scan-q" }: { defaultValue?: string; inputId?: string }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <Form method="get" action="/scan" role="search" aria-label={t("scan.boxLabel")} className="flex w-full items-end gap-2 sm:w-auto">
      <div className="min-w-0 flex-1">
        <label htmlFor={inputId} className="sr-only">
          {t("scan.inputLabel")}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          name="q"
          type="search"
          defaultValue={defaultValue}
          placeholder={t("scan.placeholder")}
          autoComplete="off"
          enterKeyHint="go"
          maxLength={500}
          className="block w-full min-w-0 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 sm:w-64"
        />
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        {t("scan.open")}
      </button>
      <ScanLabelButton onFailed={() => inputRef.current?.focus()} />
    </Form>
  );
}
