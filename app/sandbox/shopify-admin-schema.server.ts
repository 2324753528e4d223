import { buildSchema } from "graphql";

/**
 * The slice of Shopify's Admin GraphQL schema (2025-10) the app uses, with Shopify's own type,
 * field and enum names. The double executes every request against it, so a misspelt field or a
 * wrong variable type fails here as it would against Shopify, and a field the double does not
 * model fails loudly ("Cannot query field …") instead of coming back silently empty. Add the
 * fields you need, copying their definitions from shopify.dev.
 */
export const shopifyAdminSchema = buildSchema(/* GraphQL */ `
  scalar DateTime
  scalar Decimal
  scalar URL

  type Query {
    shop: Shop!
    codeDiscountNodeByCode(code: String!): DiscountCodeNode
    discountRedeemCodeBulkCreation(id: ID!): DiscountRedeemCodeBulkCreation
    orders(first: Int, after: String, query: String, reverse: Boolean, sortKey: OrderSortKeys): OrderConnection!
    order(id: ID!): Order
    product(id: ID!): Product
    customer(id: ID!): Customer
    customers(first: Int, after: String, query: String, reverse: Boolean, sortKey: CustomerSortKeys): CustomerConnection!
    node(id: ID!): Node
  }

  type Mutation {
    discountCodeBasicCreate(basicCodeDiscount: DiscountCodeBasicInput!): DiscountCodeBasicCreatePayload
    discountRedeemCodeBulkAdd(discountId: ID!, codes: [DiscountRedeemCodeInput!]!): DiscountRedeemCodeBulkAddPayload
    customerSmsMarketingConsentUpdate(input: CustomerSmsMarketingConsentUpdateInput!): CustomerSmsMarketingConsentUpdatePayload
    bulkOperationRunQuery(query: String!, groupObjects: Boolean! = true): BulkOperationRunQueryPayload
  }

  interface Node { id: ID! }

  # --- product(id:) ---
  type Product implements Node { id: ID!, title: String!, handle: String!, onlineStoreUrl: URL, featuredMedia: Media }
  interface Media { id: ID!, alt: String, mediaContentType: MediaContentType!, preview: MediaPreviewImage }
  type MediaImage implements Media & Node { id: ID!, alt: String, mediaContentType: MediaContentType!, preview: MediaPreviewImage, image: Image }
  enum MediaContentType { EXTERNAL_VIDEO IMAGE MODEL_3D VIDEO }
  type MediaPreviewImage { image: Image, status: MediaPreviewImageStatus! }
  enum MediaPreviewImageStatus { FAILED PROCESSING READY UPLOADED }
  type Image { id: ID, url: URL!, altText: String, width: Int, height: Int }

  type Shop { name: String!, myshopifyDomain: String!, ianaTimezone: String!, currencyCode: CurrencyCode! }
  enum CurrencyCode { USD CAD EUR GBP AUD }
  type MoneyV2 { amount: Decimal!, currencyCode: CurrencyCode! }
  type MoneyBag { shopMoney: MoneyV2!, presentmentMoney: MoneyV2! }
  type PageInfo { hasNextPage: Boolean!, hasPreviousPage: Boolean!, startCursor: String, endCursor: String }
  type Count { count: Int!, precision: CountPrecision! }
  enum CountPrecision { EXACT AT_LEAST }

  # --- discountCodeBasicCreate ---
  input DiscountCodeBasicInput {
    title: String
    code: String
    startsAt: DateTime
    endsAt: DateTime
    usageLimit: Int
    appliesOncePerCustomer: Boolean
    customerGets: DiscountCustomerGetsInput
    context: DiscountContextInput
    customerSelection: DiscountCustomerSelectionInput
    combinesWith: DiscountCombinesWithInput
    minimumRequirement: DiscountMinimumRequirementInput
    recurringCycleLimit: Int
  }
  input DiscountCustomerGetsInput { value: DiscountCustomerGetsValueInput, items: DiscountItemsInput, appliesOnOneTimePurchase: Boolean, appliesOnSubscription: Boolean }
  input DiscountCustomerGetsValueInput { percentage: Float, discountAmount: DiscountAmountInput }
  input DiscountAmountInput { amount: Decimal, appliesOnEachItem: Boolean }
  input DiscountItemsInput { all: Boolean }
  input DiscountContextInput { all: DiscountBuyerSelection }
  input DiscountCustomerSelectionInput { all: Boolean }
  input DiscountCombinesWithInput { orderDiscounts: Boolean, productDiscounts: Boolean, shippingDiscounts: Boolean }
  input DiscountMinimumRequirementInput { subtotal: DiscountMinimumSubtotalInput, quantity: DiscountMinimumQuantityInput }
  input DiscountMinimumSubtotalInput { greaterThanOrEqualToSubtotal: Decimal }
  input DiscountMinimumQuantityInput { greaterThanOrEqualToQuantity: String }
  enum DiscountBuyerSelection { ALL }

  type DiscountCodeBasicCreatePayload { codeDiscountNode: DiscountCodeNode, userErrors: [DiscountUserError!]! }
  type DiscountUserError { code: DiscountErrorCode, extraInfo: String, field: [String!], message: String! }
  enum DiscountErrorCode { BLANK INVALID TAKEN TOO_LONG GREATER_THAN LESS_THAN_OR_EQUAL_TO INTERNAL_ERROR TOO_MANY_ARGUMENTS }
  type DiscountCodeNode { id: ID!, codeDiscount: DiscountCode! }
  union DiscountCode = DiscountCodeBasic
  type DiscountCodeBasic {
    title: String!
    status: DiscountStatus!
    summary: String!
    startsAt: DateTime!
    endsAt: DateTime
    createdAt: DateTime!
    updatedAt: DateTime!
    usageLimit: Int
    appliesOncePerCustomer: Boolean!
    asyncUsageCount: Int!
    codes(first: Int, after: String): DiscountRedeemCodeConnection!
    codesCount: Count
    customerGets: DiscountCustomerGets!
    context: DiscountContext!
    customerSelection: DiscountCustomerSelection!
    combinesWith: DiscountCombinesWith!
    discountClasses: [DiscountClass!]!
  }
  enum DiscountStatus { ACTIVE EXPIRED SCHEDULED }
  enum DiscountClass { ORDER PRODUCT SHIPPING }
  type DiscountRedeemCodeConnection { nodes: [DiscountRedeemCode!]!, edges: [DiscountRedeemCodeEdge!]!, pageInfo: PageInfo! }
  type DiscountRedeemCodeEdge { cursor: String!, node: DiscountRedeemCode! }
  type DiscountRedeemCode { id: ID!, code: String!, asyncUsageCount: Int! }
  type DiscountCustomerGets { value: DiscountCustomerGetsValue!, items: DiscountItems!, appliesOnOneTimePurchase: Boolean!, appliesOnSubscription: Boolean! }
  union DiscountCustomerGetsValue = DiscountPercentage | DiscountAmount
  type DiscountPercentage { percentage: Float! }
  type DiscountAmount { amount: MoneyV2!, appliesOnEachItem: Boolean! }
  union DiscountItems = AllDiscountItems
  type AllDiscountItems { allItems: Boolean! }
  union DiscountContext = DiscountBuyerSelectionAll
  type DiscountBuyerSelectionAll { all: DiscountBuyerSelection! }
  union DiscountCustomerSelection = DiscountCustomerAll
  type DiscountCustomerAll { allCustomers: Boolean! }
  type DiscountCombinesWith { orderDiscounts: Boolean!, productDiscounts: Boolean!, shippingDiscounts: Boolean! }

  # --- discountRedeemCodeBulkAdd: more codes for one discount, added asynchronously ---
  input DiscountRedeemCodeInput { code: String! }
  type DiscountRedeemCodeBulkAddPayload { bulkCreation: DiscountRedeemCodeBulkCreation, userErrors: [DiscountUserError!]! }
  type DiscountRedeemCodeBulkCreation {
    id: ID!
    codes(after: String, before: String, first: Int, last: Int, reverse: Boolean): DiscountRedeemCodeBulkCreationCodeConnection!
    codesCount: Int!
    createdAt: DateTime!
    discountCode: DiscountCodeNode
    done: Boolean!
    failedCount: Int!
    importedCount: Int!
  }
  type DiscountRedeemCodeBulkCreationCodeConnection { nodes: [DiscountRedeemCodeBulkCreationCode!]!, edges: [DiscountRedeemCodeBulkCreationCodeEdge!]!, pageInfo: PageInfo! }
  type DiscountRedeemCodeBulkCreationCodeEdge { cursor: String!, node: DiscountRedeemCodeBulkCreationCode! }
  type DiscountRedeemCodeBulkCreationCode { code: String!, discountRedeemCode: DiscountRedeemCode, errors: [DiscountUserError!]! }

  # --- customers and SMS consent ---
  type Customer implements Node {
    id: ID!
    firstName: String
    lastName: String
    displayName: String!
    email: String
    phone: String
    defaultEmailAddress: CustomerEmailAddress
    defaultPhoneNumber: CustomerPhoneNumber
    smsMarketingConsent: CustomerSmsMarketingConsentState
    tags: [String!]!
    numberOfOrders: UnsignedInt64!
    amountSpent: MoneyV2!
    orders(first: Int, after: String, query: String, reverse: Boolean, sortKey: OrderSortKeys): OrderConnection!
  }
  enum CustomerSortKeys { CREATED_AT ID LOCATION NAME RELEVANCE UPDATED_AT }
  type CustomerConnection { nodes: [Customer!]!, edges: [CustomerEdge!]!, pageInfo: PageInfo! }
  type CustomerEdge { cursor: String!, node: Customer! }
  type CustomerEmailAddress { emailAddress: String! }
  type CustomerPhoneNumber { phoneNumber: String! }
  type CustomerSmsMarketingConsentState {
    marketingState: CustomerSmsMarketingState!
    marketingOptInLevel: CustomerMarketingOptInLevel
    consentUpdatedAt: DateTime
    consentCollectedFrom: CustomerConsentCollectedFrom
  }
  enum CustomerSmsMarketingState { NOT_SUBSCRIBED PENDING SUBSCRIBED UNSUBSCRIBED REDACTED }
  enum CustomerMarketingOptInLevel { SINGLE_OPT_IN CONFIRMED_OPT_IN UNKNOWN }
  enum CustomerConsentCollectedFrom { SHOPIFY OTHER }
  input CustomerSmsMarketingConsentUpdateInput { customerId: ID!, smsMarketingConsent: CustomerSmsMarketingConsentInput! }
  input CustomerSmsMarketingConsentInput {
    marketingState: CustomerSmsMarketingState!
    marketingOptInLevel: CustomerMarketingOptInLevel
    consentUpdatedAt: DateTime
    sourceLocationId: ID
  }
  type CustomerSmsMarketingConsentUpdatePayload { customer: Customer, userErrors: [CustomerSmsMarketingConsentError!]! }
  type CustomerSmsMarketingConsentError { code: CustomerSmsMarketingConsentErrorCode, field: [String!], message: String! }
  enum CustomerSmsMarketingConsentErrorCode { INVALID INCLUSION INTERNAL_ERROR MISSING_ARGUMENT }

  # --- orders and fulfillments ---
  enum OrderSortKeys { CREATED_AT PROCESSED_AT UPDATED_AT ID }
  type OrderConnection { nodes: [Order!]!, edges: [OrderEdge!]!, pageInfo: PageInfo! }
  type OrderEdge { cursor: String!, node: Order! }
  type Order implements Node {
    id: ID!
    name: String!
    createdAt: DateTime!
    processedAt: DateTime!
    updatedAt: DateTime!
    cancelledAt: DateTime
    closed: Boolean!
    email: String
    phone: String
    customer: Customer
    displayFinancialStatus: OrderDisplayFinancialStatus
    displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
    statusPageUrl: URL!
    totalPriceSet: MoneyBag!
    fulfillments(first: Int): [Fulfillment!]!
  }
  enum OrderDisplayFinancialStatus { AUTHORIZED EXPIRED PAID PARTIALLY_PAID PARTIALLY_REFUNDED PENDING REFUNDED VOIDED }
  enum OrderDisplayFulfillmentStatus {
    FULFILLED IN_PROGRESS ON_HOLD OPEN PARTIALLY_FULFILLED PENDING_FULFILLMENT REQUEST_DECLINED RESTOCKED SCHEDULED UNFULFILLED
  }
  type Fulfillment {
    id: ID!
    name: String!
    status: FulfillmentStatus!
    displayStatus: FulfillmentDisplayStatus
    createdAt: DateTime!
    updatedAt: DateTime!
    inTransitAt: DateTime
    deliveredAt: DateTime
    estimatedDeliveryAt: DateTime
    trackingInfo(first: Int): [FulfillmentTrackingInfo!]!
  }
  enum FulfillmentStatus { CANCELLED ERROR FAILURE OPEN PENDING SUCCESS }
  enum FulfillmentDisplayStatus {
    ATTEMPTED_DELIVERY CANCELED CARRIER_PICKED_UP CONFIRMED DELIVERED FAILURE FULFILLED IN_TRANSIT
    LABEL_PRINTED LABEL_PURCHASED LABEL_VOIDED MARKED_AS_FULFILLED NOT_DELIVERED OUT_FOR_DELIVERY
    PICKED_UP READY_FOR_PICKUP SUBMITTED
  }
  type FulfillmentTrackingInfo { company: String, number: String, url: URL }

  # --- bulk operations ---
  scalar UnsignedInt64
  type BulkOperationRunQueryPayload { bulkOperation: BulkOperation, userErrors: [BulkOperationUserError!]! }
  type BulkOperationUserError { code: BulkOperationUserErrorCode, field: [String!], message: String! }
  enum BulkOperationUserErrorCode { INVALID LIMIT_REACHED OPERATION_IN_PROGRESS }
  type BulkOperation implements Node {
    id: ID!
    status: BulkOperationStatus!
    type: BulkOperationType!
    query: String!
    createdAt: DateTime!
    completedAt: DateTime
    errorCode: BulkOperationErrorCode
    objectCount: UnsignedInt64!
    rootObjectCount: UnsignedInt64!
    fileSize: UnsignedInt64
    url: URL
    partialDataUrl: URL
  }
  enum BulkOperationStatus { CANCELED CANCELING COMPLETED CREATED EXPIRED FAILED RUNNING }
  enum BulkOperationType { MUTATION QUERY }
  enum BulkOperationErrorCode { ACCESS_DENIED INTERNAL_SERVER_ERROR TIMEOUT }
`);
