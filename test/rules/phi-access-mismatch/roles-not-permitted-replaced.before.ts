router.get('/claims/:id', phiAccess({ action: 'read', dataCategory: 'billing', roles: ['clinician', 'billing'] }), h);  // expect: phi-access-mismatch
