// Labels print Turkish, Greek and Cyrillic as typed, and the form refuses at once what no font of the
// PDFs can print (Chinese here), naming the characters, before anything is saved.
import { expect, expectAccessible, test, unique } from "./support/fixtures";
import { pdfText } from "./support/pdf-text";

test("a device with a Cyrillic model: Chinese is refused in the form, the label sheet prints what was typed", async ({ page, signedInAs }) => {
  const assetTag = `ŞAH-${unique("").slice(-12)}`;
  await signedInAs("department");
  await page.goto("/devices/new");
  await page.getByLabel("Inventarisnummer").fill(assetTag);
  await page.getByLabel("Serienummer").first().fill(unique("Şahin"));
  await page.getByLabel("Fabrikant").fill("Ωmega");
  await page.getByLabel("Model").fill("漢字 Pro");
  await page.getByLabel("Soort", { exact: true }).first().selectOption({ label: "Beeldscherm" });
  await page.getByRole("button", { name: "Toestel registreren" }).click();

  await expect(page.getByLabel("Model")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Bevat tekens die niet op een certificaat of etiket gedrukt kunnen worden: 漢 字.")).toBeVisible();
  await expect(page).toHaveURL(/\/devices\/new$/);
  await expectAccessible(page);

  await page.getByLabel("Model").fill("Жуков Ультра");
  await page.getByRole("button", { name: "Toestel registreren" }).click();
  await expect(page.getByText(`${assetTag} is geregistreerd.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Ωmega Жуков Ультра" })).toBeVisible();
  const deviceId = new URL(page.url()).pathname.split("/").at(-1);

  const response = await page.request.get(`/devices/labels.pdf?ids=${deviceId}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  // pdf.js reads text back in pieces, with spaces between some of them.
  const { text } = await pdfText(new Uint8Array(await response.body()));
  expect(text.replace(/\s+/g, "")).toContain(assetTag);
  expect(text.replace(/\s+/g, " ")).toContain("Ωmega Жуков Ультра");
});

test("the server refuses it too when the form is sent without the browser's check", async ({ page, signedInAs }) => {
  await signedInAs("department");
  const response = await page.request.post("/devices/new", {
    form: { assetTag: unique("API").slice(0, 40), serial: "SN-😀", manufacturer: "Dell", model: "Latitude", type: "monitor" },
  });
  // The answer is the form again, with the error at the field.
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Bevat tekens die niet op een certificaat of etiket gedrukt kunnen worden: 😀.");
});
