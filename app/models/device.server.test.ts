import { beforeAll, describe, expect, test } from "vitest";
import { collectDevice } from "~/commands/devices/collect-device.server";
import { editRegistration } from "~/commands/devices/edit-registration.server";
import { registerDevice } from "~/commands/devices/register-device.server";
import type { DeviceType } from "~/domain/devices";
import type { DeviceStatus, UserActor } from "~/domain/lifecycle";
import { deviceInScope, deviceScopeOf, type DeviceScope } from "~/domain/scope";
import { commandValue, createActor, createOrganization, deviceInput, deviceInState } from "~/test/factories";
import { db } from "~/db.server";
import { countDevicesByStatus, deviceFactsIn, itServiceIdFor, listDevices, type DeviceDetail } from "./device.server";

const base = Date.UTC(2026, 10, 30, 9, 0, 0);
const minute = 60 * 1000;

let itServiceId: number;
let technician: UserActor;

beforeAll(() => {
  itServiceId = createOrganization("it_service");
  technician = createActor("technician", itServiceId);
});

function collect(deviceId: number, now: number): DeviceDetail {
  return commandValue(collectDevice(technician, { deviceId }, { now }));
}

describe("listDevices", () => {
  let libraryId: number;
  let harbourId: number;
  let librarian: UserActor;
  const library: DeviceDetail[] = [];
  const harbour: DeviceDetail[] = [];

  beforeAll(() => {
    libraryId = createOrganization("department", "approved", "Library");
    harbourId = createOrganization("department", "approved", "Harbour");
    librarian = createActor("department", libraryId);
    const harbourMaster = createActor("department", harbourId);
    const specs: { tag: string; serial: string; manufacturer: string; model: string; type: DeviceType }[] = [
      { tag: "LIB-003", serial: "5CG7431QZ", manufacturer: "HP", model: "EliteBook 840 G5", type: "laptop" },
      { tag: "LIB-001", serial: "PF1ABCDE", manufacturer: "Lenovo", model: "ThinkPad T480", type: "laptop" },
      { tag: "LIB-005", serial: "CN0XYZ77", manufacturer: "Dell", model: "P2419H", type: "monitor" },
      { tag: "LIB-002", serial: "PF1FGHIJ", manufacturer: "Lenovo", model: "ThinkCentre M720q", type: "desktop" },
      { tag: "LIB-004", serial: "DMPXK2LL", manufacturer: "Apple", model: "iPad 9th gen", type: "tablet" },
    ];
    specs.forEach((spec, index) => {
      const input = deviceInput({ assetTag: spec.tag, serial: spec.serial, manufacturer: spec.manufacturer, model: spec.model, type: spec.type });
      library.push(commandValue(registerDevice(librarian, input, { now: base + index * minute })));
    });
    harbour.push(
      commandValue(
        registerDevice(
          harbourMaster,
          deviceInput({ assetTag: "HAR-001", serial: "PF1KLMNO", manufacturer: "Lenovo", model: "ThinkPad T480", type: "laptop" }),
          { now: base },
        ),
      ),
      commandValue(
        registerDevice(harbourMaster, deviceInput({ assetTag: "HAR-002", serial: "HAR-SER-2", manufacturer: "Dell", model: "Latitude 7490", type: "laptop" }), {
          now: base,
        }),
      ),
    );
    // One library laptop and one harbour laptop move on.
    collect(library[1]!.id, base + 20 * minute);
    collect(harbour[0]!.id, base + 20 * minute);
  });

  const all = { kind: "all" } as const;
  const tags = (items: { assetTag: string }[]) => items.map((item) => item.assetTag);

  test("filters by department, status and type", () => {
    const byDepartment = listDevices({ departmentId: libraryId, sort: "assetTag", page: 1, pageSize: 50 }, all);
    expect(byDepartment.total).toBe(5);
    expect(tags(byDepartment.items)).toEqual(["LIB-001", "LIB-002", "LIB-003", "LIB-004", "LIB-005"]);
    expect(byDepartment.items.every((item) => item.departmentName === "Library")).toBe(true);

    const collected = listDevices({ departmentId: libraryId, status: "collected", page: 1, pageSize: 50 }, all);
    expect(tags(collected.items)).toEqual(["LIB-001"]);
    expect(collected.total).toBe(1);

    const laptops = listDevices({ departmentId: libraryId, type: "laptop", sort: "assetTag", page: 1, pageSize: 50 }, all);
    expect(tags(laptops.items)).toEqual(["LIB-001", "LIB-003"]);

    const registeredLaptops = listDevices({ departmentId: libraryId, type: "laptop", status: "registered", page: 1, pageSize: 50 }, all);
    expect(tags(registeredLaptops.items)).toEqual(["LIB-003"]);
  });

  test("a department scope hides other departments, whatever the query asks", () => {
    const scope = { kind: "department", departmentId: libraryId } as const;
    const mine = listDevices({ page: 1, pageSize: 50 }, scope);
    expect(mine.total).toBe(5);
    expect(mine.items.every((item) => item.departmentId === libraryId)).toBe(true);

    expect(listDevices({ departmentId: harbourId, page: 1, pageSize: 50 }, scope)).toEqual({ items: [], total: 0 });
    expect(tags(listDevices({ q: "ThinkPad", page: 1, pageSize: 50 }, scope).items)).toEqual(["LIB-001"]);
    expect(tags(listDevices({ q: "ThinkPad", sort: "assetTag", page: 1, pageSize: 50 }, all).items)).toEqual(["HAR-001", "LIB-001"]);
    expect(countDevicesByStatus(scope)).toEqual({ registered: 4, collected: 1 });
  });

  test("searches three characters or more as a substring of asset tag, serial or model, ignoring case", () => {
    const search = (q: string) => tags(listDevices({ q, sort: "assetTag", page: 1, pageSize: 50 }, all).items);
    expect(search("hinkC")).toEqual(["LIB-002"]); // middle of a model
    expect(search("thinkpad t4")).toEqual(["HAR-001", "LIB-001"]);
    expect(search("7431")).toEqual(["LIB-003"]); // middle of a serial
    expect(search("B-00")).toEqual(["LIB-001", "LIB-002", "LIB-003", "LIB-004", "LIB-005"]); // middle of an asset tag
    expect(search("ar-002")).toEqual(["HAR-002"]);
    expect(search("PF1")).toEqual(["HAR-001", "LIB-001", "LIB-002"]);
    expect(search("  P2419H  ")).toEqual(["LIB-005"]);
    expect(search("no such thing")).toEqual([]);
    expect(listDevices({ q: "PF1", page: 1, pageSize: 50 }, all).total).toBe(3);
  });

  test("characters with a meaning to FTS5 or LIKE are searched literally", () => {
    const search = (q: string) => listDevices({ q, page: 1, pageSize: 50 }, all).total;
    expect(search('"Think')).toBe(0);
    expect(search("T480 OR P2419H")).toBe(0);
    expect(search("Think*")).toBe(0);
    expect(search("%")).toBe(0);
    expect(search("_")).toBe(0);
    expect(search("\\")).toBe(0);
  });

  test("shorter terms match the start of an asset tag or serial only", () => {
    const search = (q: string) => tags(listDevices({ q, departmentId: libraryId, sort: "assetTag", page: 1, pageSize: 50 }, all).items);
    expect(search("LI")).toEqual(["LIB-001", "LIB-002", "LIB-003", "LIB-004", "LIB-005"]);
    expect(search("li")).toEqual(["LIB-001", "LIB-002", "LIB-003", "LIB-004", "LIB-005"]);
    expect(search("PF")).toEqual(["LIB-001", "LIB-002"]);
    expect(search("5C")).toEqual(["LIB-003"]);
    expect(search("IB")).toEqual([]); // inside a tag, not at its start
    expect(search("Th")).toEqual([]); // models are not prefix-searched
  });

  test("pages through the results with a stable total", () => {
    const page = (n: number) => listDevices({ departmentId: libraryId, sort: "assetTag", direction: "asc", page: n, pageSize: 2 }, all);
    expect(tags(page(1).items)).toEqual(["LIB-001", "LIB-002"]);
    expect(tags(page(2).items)).toEqual(["LIB-003", "LIB-004"]);
    expect(tags(page(3).items)).toEqual(["LIB-005"]);
    expect(page(4).items).toEqual([]);
    expect([1, 2, 3, 4].map((n) => page(n).total)).toEqual([5, 5, 5, 5]);
  });

  test("sorts by asset tag either way, and by last update (newest first) by default", () => {
    const query = { departmentId: libraryId, page: 1, pageSize: 50 };
    expect(tags(listDevices({ ...query, sort: "assetTag" }, all).items)).toEqual(["LIB-001", "LIB-002", "LIB-003", "LIB-004", "LIB-005"]);
    expect(tags(listDevices({ ...query, sort: "assetTag", direction: "desc" }, all).items)).toEqual(["LIB-005", "LIB-004", "LIB-003", "LIB-002", "LIB-001"]);
    // Registered a minute apart in spec order; LIB-001 was collected last.
    expect(tags(listDevices(query, all).items)).toEqual(["LIB-001", "LIB-004", "LIB-002", "LIB-005", "LIB-003"]);
  });

  test("search follows an edit", () => {
    const device = library[4]!;
    expect(tags(listDevices({ q: "iPad 9", page: 1, pageSize: 50 }, all).items)).toEqual(["LIB-004"]);
    const edited = deviceInput({ assetTag: device.assetTag, serial: device.serial, manufacturer: "Samsung", model: "Galaxy Tab S6", type: "tablet" });
    commandValue(editRegistration(librarian, { ...edited, deviceId: device.id }));
    expect(listDevices({ q: "iPad 9", page: 1, pageSize: 50 }, all).total).toBe(0);
    expect(tags(listDevices({ q: "Galaxy", page: 1, pageSize: 50 }, all).items)).toEqual(["LIB-004"]);
  });
});

describe("itServiceIdFor", () => {
  test("finds the IT service for a technician and for anyone else", () => {
    expect(itServiceIdFor(technician)).toBe(itServiceId);
    expect(itServiceIdFor(createActor("department"))).toBe(itServiceId);
    expect(itServiceIdFor({ kind: "system", reason: "payment" })).toBe(itServiceId);
  });
});

describe("the list and count queries follow the domain's scope", () => {
  const people: Record<string, UserActor> = {};
  const made: Record<string, number> = {};

  beforeAll(() => {
    const westId = createOrganization("department", "approved", "West");
    const eastId = createOrganization("department", "approved", "East");
    const schoolId = createOrganization("school");
    people.coordinator = createActor("coordinator");
    people.west = createActor("department", westId);
    people.east = createActor("department", eastId);
    people.school = createActor("recipient", schoolId);
    people.otherSchool = createActor("recipient");
    people.employee = createActor("employee", westId);
    people.otherEmployee = createActor("employee", eastId);
    people.pendingSchool = createActor("recipient", undefined, "pending");
    const walk = (status: DeviceStatus, departmentId: number, requester?: UserActor) => deviceInState(status, { departmentId, requester }).id;
    made.westRegistered = walk("registered", westId);
    made.eastCollected = walk("collected", eastId);
    made.reservedForSchool = walk("reserved", westId, people.school);
    made.deployedToSchool = walk("deployed", eastId, people.school);
    made.deployedToOtherSchool = walk("deployed", westId, people.otherSchool);
    made.reservedForEmployee = walk("reserved", eastId, people.employee);
    made.deployedToEmployee = walk("deployed", eastId, people.employee);
  });

  const everything = { page: 1, pageSize: 1000 };
  const allIds = () => listDevices(everything, { kind: "all" }).items.map((item) => item.id);
  /** What the domain decides for one device, from the facts the commands read. */
  const domainSays = (id: number, scope: DeviceScope) => {
    const device = deviceFactsIn(db, id)!;
    return deviceInScope({ departmentId: device.row.departmentId, holder: device.facts.holder, reservedFor: device.facts.reservedFor }, scope);
  };
  const namesOf = (ids: number[]) => Object.keys(made).filter((name) => ids.includes(made[name]!));

  test("each scope lists exactly the devices deviceInScope accepts, and counts them", () => {
    const scopes: DeviceScope[] = [...Object.values(people).map(deviceScopeOf), { kind: "none" }];
    expect(new Set(scopes.map((scope) => scope.kind))).toEqual(new Set(["all", "department", "recipient", "employee", "none"]));
    for (const scope of scopes) {
      const expected = allIds().filter((id) => domainSays(id, scope));
      const listed = listDevices(everything, scope);
      expect(
        listed.items.map((item) => item.id).sort((a, b) => a - b),
        JSON.stringify(scope),
      ).toEqual(expected.sort((a, b) => a - b));
      expect(listed.total).toBe(expected.length);
      const counted = Object.values(countDevicesByStatus(scope)).reduce((sum, n) => sum + n, 0);
      expect(counted, JSON.stringify(scope)).toBe(expected.length);
    }
  });

  test("a recipient's and an employee's scope: what they hold or have reserved, nothing else", () => {
    const namesIn = (person: UserActor) => namesOf(listDevices(everything, deviceScopeOf(person)).items.map((item) => item.id));
    expect(namesIn(people.school!)).toEqual(["reservedForSchool", "deployedToSchool"]);
    expect(namesIn(people.otherSchool!)).toEqual(["deployedToOtherSchool"]);
    expect(namesIn(people.employee!)).toEqual(["reservedForEmployee", "deployedToEmployee"]);
    expect(namesIn(people.otherEmployee!)).toEqual([]);
    expect(namesIn(people.pendingSchool!)).toEqual([]);
    expect(namesIn(people.west!)).toEqual(["westRegistered", "reservedForSchool", "deployedToOtherSchool"]);
    expect(countDevicesByStatus(deviceScopeOf(people.school!))).toEqual({ reserved: 1, deployed: 1 });
  });
});
