import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from './_trpc/client';
import { ToastProvider } from './_components/toast';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Frictionlog', template: '%s · Frictionlog' },
  description: 'Listen to developers, rank their pain, publish the roadmap, measure whether it worked.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <TRPCReactProvider>
          <ToastProvider>{children}</ToastProvider>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
