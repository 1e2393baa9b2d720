// REST calls to the chat server (config.base), JSON in and out. Failures throw ApiError {status, error}.

export class ApiError extends Error {
  /** status 0 = the server could not be reached; error = the server's sentence, if it sent one. */
  constructor(status, error) {
    super(error || `HTTP ${status}`);
    this.status = status;
    this.error = error || null;
  }
}

export function createApi(base, webmasterId, getToken) {
  const wm = `${base}/api/webmasters/${encodeURIComponent(webmasterId)}`;

  async function call(method, path, {json, body, contentType, auth = false, token} = {}) {
    const headers = {Accept: 'application/json'};
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (contentType) headers['Content-Type'] = contentType;
    const bearer = token || (auth ? getToken() : null);
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    let response;
    try {
      response = await fetch(wm + path, {method, headers, body, cache: 'no-store', credentials: 'omit'});
    } catch {
      throw new ApiError(0, null);
    }
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) {
      throw new ApiError(response.status, data && typeof data.error === 'string' ? data.error : null);
    }
    return data;
  }

  return {
    signIn: (username, password) => call('POST', '/chat/sessions', {json: {username, password}}),
    register: (username, password) => call('POST', '/chat/users', {json: {username, password}}),
    guest: (nickname) => call('POST', '/chat/guests', {json: {nickname}}),
    refresh: (token) => call('POST', '/chat/sessions/refresh', {token}),
    // Auto-login: the host page's one-use login token, traded for a chat session.
    hostSession: (login) => call('POST', '/chat/host-sessions', {json: {login}}),
    me: () => call('GET', '/chat/me', {auth: true}),
    performers: () => call('GET', '/performers'),
    performerMe: () => call('GET', '/performers/me', {auth: true}),
    packages: () => call('GET', '/packages'),
    // PayPal: only the package id goes out; credits, price and status always come from the server.
    createOrder: (packageId) => call('POST', '/paypal/orders', {json: {packageId}, auth: true}),
    order: (ref) => call('GET', `/paypal/orders/${encodeURIComponent(ref)}`, {auth: true}),
    captureOrder: (ref) => call('POST', `/paypal/orders/${encodeURIComponent(ref)}/capture`, {auth: true}),
    // Cancels the order only while it is still CREATED (not approved); otherwise the order comes back unchanged.
    cancelOrder: (ref) => call('POST', `/paypal/orders/${encodeURIComponent(ref)}/cancel`, {auth: true}),
    // Support: the signed-in performer's own tickets; text goes out as typed and comes back as typed.
    supportTickets: () => call('GET', '/support/tickets', {auth: true}),
    supportTicket: (id) => call('GET', `/support/tickets/${encodeURIComponent(id)}`, {auth: true}),
    openTicket: (subject, body) => call('POST', '/support/tickets', {json: {subject, body}, auth: true}),
    replyTicket: (id, body) => call('POST', `/support/tickets/${encodeURIComponent(id)}/messages`, {json: {body}, auth: true}),
    uploadPhoto: (performerId, file) =>
      call('POST', `/rooms/${encodeURIComponent(performerId)}/photos`, {
        body: file, contentType: file.type || 'application/octet-stream', auth: true,
      }),
  };
}
