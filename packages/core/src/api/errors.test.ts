import { expect } from '@open-wc/testing';
import { CivicApiError, refusedPointers } from './errors.js';

const error = (code: string, problem?: Record<string, unknown>) =>
  new CivicApiError(code, { method: 'POST', path: '/v1/bookings', status: 400, ...(problem && { problem: { code, ...problem } }) });

describe('refusedPointers', () => {
  it('lists the body fields a 400 validation_failed names, in order', () => {
    const e = error('validation_failed', {
      errors: [
        { in: 'body', pointer: '/contact/email', detail: 'must match format "idn-email"' },
        { in: 'query', parameter: 'from', detail: 'is invalid' },
        { in: 'body', pointer: '/contact/phone', detail: 'is invalid' },
      ],
    });
    expect(refusedPointers(e)).to.deep.equal(['/contact/email', '/contact/phone']);
  });

  it('is empty for other errors, other codes and problems that name no field', () => {
    expect(refusedPointers(new Error('x'))).to.deep.equal([]);
    expect(refusedPointers(undefined)).to.deep.equal([]);
    expect(refusedPointers(error('booking_limit_reached', { errors: [{ in: 'body', pointer: '/contact/email' }] }))).to.deep.equal([]);
    expect(refusedPointers(error('validation_failed'))).to.deep.equal([]);
    expect(refusedPointers(error('validation_failed', { errors: 'kaputt' }))).to.deep.equal([]);
    expect(refusedPointers(error('validation_failed', { errors: [null, 7, { in: 'body' }, { in: 'body', pointer: 12 }] }))).to.deep.equal([]);
  });
});
