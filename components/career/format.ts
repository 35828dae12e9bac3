const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

export const formatCount = (n: number): string => whole.format(n);
export const formatUsd = (n: number): string => usd.format(n);
export const formatPercent = (n: number): string => `${n}%`;
