import { describe, expect, it } from "vitest";
import { ratingIn } from "./order-rating.server";

describe("a reply read as a rating", () => {
  it.each([
    ["5", 5],
    [" 1 ", 1],
    ["4/5", 4],
    ["3 stars", 3],
    ["Five!", 5],
    ["2.", 2],
  ])("%j is %d", (text, rating) => {
    expect(ratingIn(text)).toBe(rating);
  });

  it.each(["6", "0", "10", "5 but the box was crushed", "where is my order", "#1001", ""])("%j is not a rating", (text) => {
    expect(ratingIn(text)).toBeNull();
  });
});
