describe('services catalogue', () => {
  it('lists services and filters by category', () => {
    cy.intercept('GET', '/api/v1/services*', { fixture: 'services.json' }).as('services');
    cy.visit('/services');
    cy.wait('@services');
    cy.get('.service-card').should('have.length', 2);
    cy.get('select').select('transport');
    cy.wait('@services').its('request.url').should('include', 'category=transport');
  });

  it('switches the interface language', () => {
    cy.intercept('GET', '/api/v1/services*', { fixture: 'services.json' });
    cy.visit('/services');
    cy.contains('button', 'RU').click();
    cy.get('h1').should('have.text', 'Каталог государственных услуг');
    cy.get('html').should('have.attr', 'lang', 'ru');
  });
});
