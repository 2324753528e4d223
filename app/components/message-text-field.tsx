// The text box every composer shares (a reply in a thread, a campaign's variant): insertions
// (canned replies, variables), the length in segments of the text as it will leave, the UCS-2
// warning with the GSM-7 replacement, and the price. Measuring the text as sent, brand first and
// STOP footer included, keeps the counter honest about what a recipient gets.
import { Banner, BlockStack, Button, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { gsmReplacements, measureText } from "~/messaging/segments";
import { MAX_SEGMENTS } from "~/messaging/text-purpose";

export const MAX_TEXT_LENGTH = 1600;

interface MessageTextFieldProps {
  label: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** The text as it will leave, when the sender adds to what is typed (brand, footer, link). */
  asSent?: string;
  /** A menu that inserts text at the end: canned replies, {{variables}}. */
  insert?: { label: string; placeholder: string; options: { label: string; value: string }[] };
  /** Per segment, for the price beside the counter; no price without it. */
  price?: { perSegment: number; currency: string };
  /** What the text is called in the warnings: a reply, a text. */
  noun?: string;
}

export function MessageTextField({ label, name, value, onChange, error, asSent, insert, price, noun = "text" }: MessageTextFieldProps) {
  const sent = asSent ?? value;
  const measure = measureText(sent);
  const suggestion = gsmReplacements(value);
  return (
    <BlockStack gap="300">
      {insert && (
        <Select
          label={insert.label}
          options={[{ label: insert.placeholder, value: "" }, ...insert.options]}
          value=""
          onChange={(text) => text && onChange(value ? `${value} ${text}` : text)}
        />
      )}
      <TextField label={label} name={name} value={value} onChange={onChange} multiline={3} autoComplete="off" error={error} maxLength={MAX_TEXT_LENGTH} />
      {asSent !== undefined && asSent !== value && (
        <Text as="p" tone="subdued" variant="bodySm">
          As sent: <span data-testid="as-sent">{asSent}</span>
        </Text>
      )}
      <InlineStack gap="300" align="space-between">
        <Text as="p" tone={measure.segments > MAX_SEGMENTS ? "critical" : "subdued"}>
          <span data-testid="segment-count">
            {measure.characters} characters · {measure.segments} {measure.segments === 1 ? "segment" : "segments"} · {measure.encoding}
          </span>
        </Text>
        {price && (
          <Text as="p" tone="subdued">
            About {new Intl.NumberFormat("en-US", { style: "currency", currency: price.currency, maximumFractionDigits: 4 }).format(measure.segments * price.perSegment)}
          </Text>
        )}
      </InlineStack>
      {measure.encoding === "UCS-2" && (
        <Banner tone="warning" title={`This ${noun} is sent as UCS-2`}>
          <BlockStack gap="200">
            <p>
              {measure.nonGsmCharacters.join(" ")} {measure.nonGsmCharacters.length === 1 ? "isn't" : "aren't"} in the GSM-7 alphabet, so each segment
              holds 70 characters instead of 160 and the text costs more.
            </p>
            {suggestion.replacements.length > 0 && (
              <InlineStack>
                <Button onClick={() => onChange(suggestion.text)}>
                  {`Replace ${suggestion.replacements.map((r) => `${r.from} with ${r.to || "nothing"}`).join(", ")}`}
                </Button>
              </InlineStack>
            )}
          </BlockStack>
        </Banner>
      )}
    </BlockStack>
  );
}

/** Whether a text is too long to send at all. */
export const tooLong = (text: string) => measureText(text).segments > MAX_SEGMENTS;
