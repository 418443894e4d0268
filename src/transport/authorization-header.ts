// The Authorization value, built fresh for every request from the partner token and the
// user token of that one call, so concurrent calls for different users can never mix them.

export function authorizationValue(partnerToken: string, userToken?: string): string {
  return userToken ? `Bearer ${partnerToken}, User ${userToken}` : `Bearer ${partnerToken}`;
}
