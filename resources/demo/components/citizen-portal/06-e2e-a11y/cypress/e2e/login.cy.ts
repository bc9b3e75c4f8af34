describe('login', () => {
  beforeEach(() => {
    cy.visit('/login');
  });

  it('rejects an IIN that is not 12 digits without calling the API', () => {
    cy.intercept('POST', '/api/v1/auth/login').as('login');
    cy.get('input[inputmode=numeric]').type('12345');
    cy.get('input[type=password]').type('secret');
    cy.get('button[type=submit]').click();
    cy.get('[role=alert]').should('be.visible');
    cy.get('@login.all').should('have.length', 0);
  });

  it('stores the token and returns to the requested page', () => {
    cy.intercept('POST', '/api/v1/auth/login', {
      statusCode: 200,
      body: { accessToken: 'header.payload.signature', tokenType: 'Bearer', expiresIn: 900 },
    });
    cy.intercept('GET', '/api/v1/applications/my*', { items: [], total: 0, page: 0, size: 20 });
    cy.visit('/login?next=/applications');
    cy.get('input[inputmode=numeric]').type('880101300123');
    cy.get('input[type=password]').type('correct horse battery staple');
    cy.get('button[type=submit]').click();
    cy.location('pathname').should('eq', '/applications');
  });

  it('never redirects to another origin', () => {
    cy.intercept('POST', '/api/v1/auth/login', {
      statusCode: 200,
      body: { accessToken: 'header.payload.signature', tokenType: 'Bearer', expiresIn: 900 },
    });
    cy.visit('/login?next=//evil.example.com');
    cy.get('input[inputmode=numeric]').type('880101300123');
    cy.get('input[type=password]').type('pw');
    cy.get('button[type=submit]').click();
    cy.location('pathname').should('eq', '/');
  });
});
