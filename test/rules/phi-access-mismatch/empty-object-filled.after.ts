router.get('/claims/:id', phiAccess({ action: 'read', dataCategory: 'billing', roles: ['billing'] }), h);
