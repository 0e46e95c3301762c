import { describe } from "vitest";
import { describeStoreContract } from "./contract/store-contract.js";
import { launchTabBrowser } from "./support/chromium.js";
import { createStoreInTab } from "./support/store-in-tab.js";

describe.each(["memory", "session", "local"] as const)(
  "the browser store (%s) keeps the coordination contract in headless Chromium (participants: tabs)",
  (storage) => {
    describeStoreContract(async () => {
      const browser = await launchTabBrowser();
      return {
        async open() {
          return createStoreInTab(await browser.openTab(), {
            storage,
            name: `contract-${storage}`,
          });
        },
        close: () => browser.close(),
      };
    });
  },
);
